package com.mcpportal.portal.cloud;

/**
 * Moving a provisioned environment between its own network and a shared one, and back, in steps an operation records
 * and resumes like provisioning's: first the environment's part of the network it moves to is made beside the one it
 * has ({@link #ownNetwork} or {@link #joinShared}; each finds its resources by the environment's tag within that VPC
 * only, so the two parts never mistake each other), then its service and ingress move over ({@link #moveService},
 * {@link #moveIngress}: the service's only interruption is that one new deployment), then what it had in the other
 * VPC is deleted ({@link #leaveOtherNetworks}). Every call is idempotent: run again, it finds what it did.
 */
public interface NetworkMove {

    /** The environment's own VPC, as {@link CloudProvider#ensureNetwork}, made while it still has a shared part. */
    Network ownNetwork(EnvironmentRef env, NetworkSpec spec);

    /**
     * Its part of a shared network, as {@link CloudProvider#joinSharedNetwork}, made while it has its own VPC: in a
     * network of two zones a second private subnet too ({@code secondPrivateSubnetCidr}, null for one zone).
     */
    Network joinShared(EnvironmentRef env, SharedNetwork network, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int containerPort);

    /**
     * The ECS service given {@code network}'s private subnets (one per zone) and security group and {@code taskDefinition} in one
     * update, so one new deployment moves it (new tasks start in the new subnet, the old ones stop once they are
     * healthy), and waited for as {@link CloudProvider#rollOut} waits; a service at zero tasks just gets them.
     */
    ServiceRef moveService(EnvironmentRef env, Network network, TaskDefinitionRef taskDefinition);

    /**
     * The HTTPS endpoint kept (same API, same URL) with its VPC link moved: a link in {@code network}'s private subnet
     * and security group, the integration pointed at it, and the old link deleted and waited for (its network
     * interfaces would block deleting the old subnet).
     */
    Ingress moveIngress(EnvironmentRef env, Network network, ServiceDiscovery discovery);

    /**
     * Deletes what carries the environment's tag in any VPC other than {@code kept}'s: its own VPC and all in it, or
     * its subnet, route table and security group in a shared network (never the shared network's own resources).
     */
    void leaveOtherNetworks(EnvironmentRef env, Network kept);
}
