package com.mcpportal.portal.cost;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountMode;
import com.mcpportal.portal.cloud.account.CloudAccountSettings;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentInput;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.support.TestData;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Environments and accounts for cost tests, made through the real services. */
public final class CostFixtures {

    private final Environments environments;
    private final ApplicationContext context;

    public CostFixtures(ApplicationContext context) {
        this.context = context;
        this.environments = new Environments(context);
    }

    /** The seed's environment (0.25 vCPU / 0.5 GB ARM, t4g.nano, 7-day logs) as a draft in the simulated account. */
    public Environment draft(long teamId, String region) {
        return draft(teamId, region, environments.simulatedAccountId(), "t4g.nano", false);
    }

    public Environment draft(long teamId, String region, long accountId, String natType, boolean natSpot) {
        return environments.service().create(teamId, new EnvironmentInput(TestData.unique("cost"), accountId, region,
                FargateSize.DEFAULT, Architecture.ARM64, ImageSource.REPOSITORY, "latest", null, natType, natSpot,
                false, 7, List.of(), Environments.ELEVENLABS_KEY));
    }

    /** The seed's environment provisioned in the simulated cloud (READY): billed in team totals. */
    Environment ready(long teamId, String region) {
        Environment draft = draft(teamId, region);
        Environments.enqueued(environments.operations().requestProvision(draft.getId(), Actor.user("admin")));
        return environments.awaitState(draft.getId(), EnvironmentState.READY);
    }

    /** An AWS-mode cloud account reached with the portal's own (test) credentials. */
    public CloudAccount awsAccount(String defaultRegion) {
        return context.getBean(CloudAccounts.class).create(new CloudAccountSettings(TestData.unique("AWS prices"),
                CloudAccountMode.AWS, defaultRegion, null, null, null, null));
    }

    Environments environments() {
        return environments;
    }
}
