/**
 * On/off schedules of environments and teams: {@link com.mcpportal.portal.schedule.ScheduleEvaluator} decides the
 * desired power at an instant, Quartz edge triggers and a periodic reconcile pass act on it
 * ({@code portal.schedules.*}, see {@code ScheduleSettings}). With "keep hours in AWS" an environment's schedule is also
 * mirrored into its cloud ({@code ScheduleMirrors} translates, {@code ScheduleMirrorService} writes and checks it on
 * the reconcile pass; {@code portal.schedules.mirror.*}, see {@code MirrorSettings}: nat-lead, nat-lag, horizon,
 * check-interval, grace). With the mirror written, the portal's own edge looks before it acts ({@code power.MirroredEdges}):
 * what the cloud made is recorded as an operation of {@code aws-scheduler}; what it has not made within the grace, the
 * portal makes. Others read schedules through its public services.
 * Inside: {@code schedule.web} (pages and API), {@code schedule.store} (entities, repositories and the store that
 * saves and audits a change), {@code schedule.power} (edge triggers, the reconcile pass, the power switch); other
 * features use only this package (ArchitectureTests).
 */
package com.mcpportal.portal.schedule;
