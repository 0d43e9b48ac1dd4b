package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.TaggedResource;

import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/** Lists every resource in the region still tagged with the environment's id (the deprovision check). */
final class TaggingResources {

    List<TaggedResource> remaining(ResourceGroupsTaggingApiClient tagging, EnvironmentRef env) {
        return tagging.getResourcesPaginator(r -> r.resourcesPerPage(100)
                        .tagFilters(f -> f.key(EnvironmentRef.TAG_ENVIRONMENT_ID).values(env.environmentId())))
                .resourceTagMappingList().stream()
                .map(ResourceTagMapping::resourceARN).filter(Objects::nonNull).map(TaggedResource::of).toList();
    }
}
