-- Issue 20: CPU autoscaling within the window. All three set: while on, the service runs min..max tasks, scaled on
-- its average CPU around the target (Application Auto Scaling target tracking); off, none. All null: one task while on.
ALTER TABLE environment
    ADD COLUMN autoscale_min_tasks  INT,
    ADD COLUMN autoscale_max_tasks  INT,
    ADD COLUMN autoscale_cpu_target INT,
    ADD CONSTRAINT environment_autoscaling_all_or_none CHECK (
        (autoscale_min_tasks IS NULL) = (autoscale_max_tasks IS NULL)
        AND (autoscale_min_tasks IS NULL) = (autoscale_cpu_target IS NULL)),
    ADD CONSTRAINT environment_autoscaling_range CHECK (
        autoscale_min_tasks IS NULL OR (autoscale_min_tasks BETWEEN 1 AND autoscale_max_tasks
            AND autoscale_max_tasks <= 10 AND autoscale_cpu_target BETWEEN 10 AND 90));
