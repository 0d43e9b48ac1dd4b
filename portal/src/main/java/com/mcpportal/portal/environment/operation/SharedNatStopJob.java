package com.mcpportal.portal.environment.operation;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** The deferred stop of a shared network's NAT instance (see {@link SharedNatStops}); Spring creates it. */
class SharedNatStopJob implements Job {

    private final SharedNatStops stops;

    SharedNatStopJob(SharedNatStops stops) {
        this.stops = stops;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        stops.stopIfUnneeded(data.getLong(SharedNatStops.NETWORK_ID), data.getLong(SharedNatStops.ENVIRONMENT_ID));
    }
}
