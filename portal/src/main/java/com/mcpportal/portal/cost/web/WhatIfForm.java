package com.mcpportal.portal.cost.web;

import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cost.SchedulePreset;
import com.mcpportal.portal.cost.WhatIfPlanner;
import com.mcpportal.portal.environment.Environment;

/**
 * The what-if form on an environment's cost page, sent with GET so the result is a plain page (and a link).
 * A JavaBean rather than a record: the custom hours bind as {@code start[0]} … {@code end[6]}, Monday first. Choices
 * are kept as text and checked by {@link WhatIfPlanner}, so a hand-made address gets a readable message.
 */
public class WhatIfForm {

    /** Set by the form's hidden field: without it the page shows the environment's own settings and no what-if. */
    private boolean submitted;
    private String size;
    private String architecture;
    private boolean fargateSpot;
    private String natInstanceType;
    private boolean natSpot;
    private String schedule = SchedulePreset.CURRENT.name();
    private String[] start = new String[7];
    private String[] end = new String[7];

    /** The form filled with the environment's own settings. */
    static WhatIfForm of(Environment environment) {
        WhatIfForm form = new WhatIfForm();
        form.size = sizeValue(environment.getSize());
        form.architecture = environment.getArchitecture().name();
        form.fargateSpot = environment.isFargateSpot();
        form.natInstanceType = environment.getNatInstanceType();
        form.natSpot = environment.isNatSpot();
        for (int day = 0; day < 5; day++) {
            form.start[day] = "08:00";
            form.end[day] = "20:00";
        }
        return form;
    }

    /** "cpu/memory", as the environment form writes a size. */
    static String sizeValue(FargateSize size) {
        return size.cpu() + "/" + size.memoryMiB();
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public void setSubmitted(boolean submitted) {
        this.submitted = submitted;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getArchitecture() {
        return architecture;
    }

    public void setArchitecture(String architecture) {
        this.architecture = architecture;
    }

    public boolean isFargateSpot() {
        return fargateSpot;
    }

    public void setFargateSpot(boolean fargateSpot) {
        this.fargateSpot = fargateSpot;
    }

    public String getNatInstanceType() {
        return natInstanceType;
    }

    public void setNatInstanceType(String natInstanceType) {
        this.natInstanceType = natInstanceType;
    }

    public boolean isNatSpot() {
        return natSpot;
    }

    public void setNatSpot(boolean natSpot) {
        this.natSpot = natSpot;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String[] getStart() {
        return start;
    }

    public void setStart(String[] start) {
        this.start = start;
    }

    public String[] getEnd() {
        return end;
    }

    public void setEnd(String[] end) {
        this.end = end;
    }
}
