package com.mcpportal.portal.isolation;

/**
 * The team the isolation test attacks: the caller is not a member of it.
 *
 * @param teamId        its id
 * @param teamName      its (unique) name, which must never appear in a response to the caller
 * @param ownerId       id of its owner, a user the caller shares no team with
 * @param ownerUsername that owner's (unique) username
 */
public record VictimTeam(long teamId, String teamName, long ownerId, String ownerUsername) {
}
