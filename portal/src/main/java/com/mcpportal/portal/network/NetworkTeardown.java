package com.mcpportal.portal.network;

import java.util.List;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.TaggedResource;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cloud.account.CloudProviders;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Deletes a network's own cloud resources (VPC, public subnet, internet gateway, route table, NAT group and instance)
 * and checks that nothing tagged with the network remains; a cloud that refuses or is not done yet is said beside the
 * delete button, and the caller keeps the network. Idempotent: a network never provisioned into has nothing to delete.
 */
@Component
class NetworkTeardown {

    private final CloudAccounts accounts;
    private final CloudProviders providers;

    NetworkTeardown(CloudAccounts accounts, CloudProviders providers) {
        this.accounts = accounts;
        this.providers = providers;
    }

    void deleteResources(Network network) {
        CloudAccount account = accounts.get(network.cloudAccountId());
        SharedNetworkRef ref = new SharedNetworkRef(account.target(network.region()), network.id(), network.name());
        CloudProvider cloud = providers.forAccount(account);
        List<TaggedResource> remaining;
        try {
            cloud.deleteSharedNetwork(ref);
            remaining = cloud.remainingNetworkResources(ref);
        } catch (CloudException e) {
            throw new InvalidInputException(null, "The cloud did not delete " + network.name() + "'s resources: "
                    + e.providerMessage() + " Nothing of the network was forgotten; try again.");
        }
        if (!remaining.isEmpty()) {
            throw new InvalidInputException(null, remaining.size() + " resource(s) of " + network.name() + " still"
                    + " exist (" + remaining.stream().map(TaggedResource::arn).collect(Collectors.joining(", "))
                    + "); the cloud may still be deleting them: try again shortly.");
        }
    }
}
