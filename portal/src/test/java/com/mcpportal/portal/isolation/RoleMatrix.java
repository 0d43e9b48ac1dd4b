package com.mcpportal.portal.isolation;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mcpportal.portal.team.TeamRole;

/**
 * Who may use each route, as the README and {@link TeamRole} say: viewers read a team, operators also run its
 * environments (server updates and deploys too) and schedules, owners also manage its members, keys, budget, server
 * update policy, audit log, notification channels and own networks (operators put draft environments in and out of them). This table is the
 * specification {@link TeamRoleMatrixIntegrationTests} holds the portal to; a new route must be added here.
 */
final class RoleMatrix {

    /** What a route needs. */
    enum Access {
        /** At least this role in the route's team. */
        VIEWER, OPERATOR, OWNER,
        /** Any signed-in user: their own account, their own team list. */
        ANY_USER,
        /** Team owners (of any team) and administrators: the audit review pages. */
        AUDIT_READERS,
        /** Platform administrators only. */
        ADMIN,
        /** Another user's own thing (a session, an access token): not even a member of the team may touch it. */
        SOMEONE_ELSES;

        TeamRole role() {
            return TeamRole.valueOf(name());
        }

        boolean teamRole() {
            return this == VIEWER || this == OPERATOR || this == OWNER;
        }
    }

    private static final String TABLE = """
            ANY_USER      GET    /
            ANY_USER      GET    /account
            ANY_USER      POST   /account/email
            ANY_USER      GET    /account/password
            ANY_USER      POST   /account/password
            ANY_USER      POST   /account/sessions/end-others
            SOMEONE_ELSES POST   /account/sessions/{sessionId}/end
            ANY_USER      GET    /account/tokens
            ANY_USER      POST   /account/tokens
            SOMEONE_ELSES POST   /account/tokens/{tokenId}/revoke
            ADMIN         GET    /admin/audit
            ADMIN         GET    /admin/audit/retention
            ADMIN         POST   /admin/audit/retention
            ADMIN         POST   /admin/audit/retention/prune
            ADMIN         GET    /admin/audit/verifications
            ADMIN         POST   /admin/audit/verify
            ADMIN         GET    /admin/cloud-accounts
            ADMIN         POST   /admin/cloud-accounts
            ADMIN         GET    /admin/cloud-accounts/{accountId}
            ADMIN         POST   /admin/cloud-accounts/{accountId}
            ADMIN         POST   /admin/cloud-accounts/{accountId}/delete
            ADMIN         POST   /admin/cloud-accounts/{accountId}/test
            ADMIN         GET    /admin/costs
            ADMIN         POST   /admin/costs/prices/refresh
            ADMIN         GET    /admin/mail
            ADMIN         POST   /admin/mail
            ADMIN         POST   /admin/mail/delete
            ADMIN         POST   /admin/mail/test
            ADMIN         GET    /admin/networks
            ADMIN         POST   /admin/networks
            ADMIN         GET    /admin/networks/{networkId}
            ADMIN         POST   /admin/networks/{networkId}/delete
            ADMIN         GET    /admin/sign-ins
            ADMIN         POST   /admin/sign-ins/clear
            ADMIN         GET    /admin/users
            ADMIN         POST   /admin/users
            ADMIN         GET    /admin/sign-in-providers
            ADMIN         POST   /admin/sign-in-providers
            ADMIN         GET    /admin/sign-in-providers/new
            ADMIN         GET    /admin/sign-in-providers/{providerId}
            ADMIN         POST   /admin/sign-in-providers/{providerId}
            ADMIN         POST   /admin/sign-in-providers/{providerId}/delete
            ADMIN         GET    /admin/users/{userId}
            ADMIN         POST   /admin/users/{userId}/disable
            ADMIN         POST   /admin/users/{userId}/enable
            ADMIN         POST   /admin/users/{userId}/reset-password
            ADMIN         GET    /api/v1/audit-events
            ADMIN         GET    /api/v1/audit-events/export
            ADMIN         GET    /api/v1/audit-events/{eventId}
            ANY_USER      GET    /api/v1/cloud-accounts
            ANY_USER      GET    /api/v1/teams
            OWNER         GET    /api/v1/teams/{teamId}/audit-events
            OWNER         GET    /api/v1/teams/{teamId}/audit-events/export
            OWNER         GET    /api/v1/teams/{teamId}/audit-events/{eventId}
            OWNER         DELETE /api/v1/teams/{teamId}/budget
            OWNER         PUT    /api/v1/teams/{teamId}/budget
            VIEWER        GET    /api/v1/teams/{teamId}/costs
            VIEWER        GET    /api/v1/teams/{teamId}/environments
            OPERATOR      POST   /api/v1/teams/{teamId}/environments
            OPERATOR      DELETE /api/v1/teams/{teamId}/environments/{environmentId}
            VIEWER        GET    /api/v1/teams/{teamId}/environments/{environmentId}
            OPERATOR      PATCH  /api/v1/teams/{teamId}/environments/{environmentId}
            OPERATOR      PUT    /api/v1/teams/{teamId}/environments/{environmentId}
            VIEWER        GET    /api/v1/teams/{teamId}/environments/{environmentId}/cost
            VIEWER        POST   /api/v1/teams/{teamId}/environments/{environmentId}/cost/what-if
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/deploy
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/deprovision
            OWNER         POST   /api/v1/teams/{teamId}/environments/{environmentId}/move-network
            VIEWER        GET    /api/v1/teams/{teamId}/environments/{environmentId}/operations/{operationId}
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/provision
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/retry
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/roll-back
            VIEWER        GET    /api/v1/teams/{teamId}/environments/{environmentId}/schedule
            OPERATOR      PUT    /api/v1/teams/{teamId}/environments/{environmentId}/schedule
            OPERATOR      DELETE /api/v1/teams/{teamId}/environments/{environmentId}/schedule/autoscaling
            OPERATOR      PUT    /api/v1/teams/{teamId}/environments/{environmentId}/schedule/autoscaling
            OPERATOR      PUT    /api/v1/teams/{teamId}/environments/{environmentId}/schedule/mirror
            OPERATOR      DELETE /api/v1/teams/{teamId}/environments/{environmentId}/schedule/override
            OPERATOR      PUT    /api/v1/teams/{teamId}/environments/{environmentId}/schedule/override
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/start
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/stop
            OPERATOR      POST   /api/v1/teams/{teamId}/environments/{environmentId}/update-server
            OWNER         DELETE /api/v1/teams/{teamId}/key-rotation
            VIEWER        GET    /api/v1/teams/{teamId}/key-rotation
            OWNER         PUT    /api/v1/teams/{teamId}/key-rotation
            VIEWER        GET    /api/v1/teams/{teamId}/keys
            OWNER         POST   /api/v1/teams/{teamId}/keys
            VIEWER        GET    /api/v1/teams/{teamId}/keys/{keyId}
            OWNER         POST   /api/v1/teams/{teamId}/keys/{keyId}/revoke
            OWNER         POST   /api/v1/teams/{teamId}/keys/{keyId}/roll
            VIEWER        GET    /api/v1/teams/{teamId}/schedule
            OPERATOR      PUT    /api/v1/teams/{teamId}/schedule
            OPERATOR      PUT    /api/v1/teams/{teamId}/schedule/mirror
            VIEWER        GET    /api/v1/teams/{teamId}/server-updates
            OWNER         PUT    /api/v1/teams/{teamId}/server-updates
            AUDIT_READERS GET    /audit
            AUDIT_READERS GET    /audit/events/{eventId}
            AUDIT_READERS GET    /audit/export
            ANY_USER      GET    /login
            ANY_USER      GET    /teams
            ANY_USER      POST   /teams
            VIEWER        GET    /teams/{teamId}
            VIEWER        GET    /teams/{teamId}/api-keys
            OWNER         POST   /teams/{teamId}/api-keys
            OWNER         GET    /teams/{teamId}/api-keys/new
            VIEWER        GET    /teams/{teamId}/api-keys/rotation
            OWNER         POST   /teams/{teamId}/api-keys/rotation
            OWNER         POST   /teams/{teamId}/api-keys/rotation/remove
            OWNER         POST   /teams/{teamId}/api-keys/{keyId}/reveal
            OWNER         POST   /teams/{teamId}/api-keys/{keyId}/revoke
            OWNER         POST   /teams/{teamId}/api-keys/{keyId}/roll
            OWNER         POST   /teams/{teamId}/archive
            OWNER         GET    /teams/{teamId}/audit
            VIEWER        GET    /teams/{teamId}/costs
            OWNER         POST   /teams/{teamId}/costs/budget
            VIEWER        GET    /teams/{teamId}/environments
            OPERATOR      POST   /teams/{teamId}/environments
            OPERATOR      GET    /teams/{teamId}/environments/new
            VIEWER        GET    /teams/{teamId}/environments/{environmentId}
            VIEWER        GET    /teams/{teamId}/environments/{environmentId}/costs
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/deprovision
            OPERATOR      GET    /teams/{teamId}/environments/{environmentId}/edit
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/edit
            VIEWER        GET    /teams/{teamId}/environments/{environmentId}/live
            OWNER         POST   /teams/{teamId}/environments/{environmentId}/move-network
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/patch-nat
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/provision
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/retry
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/roll-back
            VIEWER        GET    /teams/{teamId}/environments/{environmentId}/schedule
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule/autoscaling
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule/exceptions/delete
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule/mirror
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule/override
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/schedule/override/clear
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/start
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/stop
            OPERATOR      POST   /teams/{teamId}/environments/{environmentId}/update-server
            VIEWER        POST   /teams/{teamId}/environments/{environmentId}/test-connection
            OWNER         POST   /teams/{teamId}/group-mappings
            OWNER         POST   /teams/{teamId}/group-mappings/{mappingId}/delete
            OWNER         POST   /teams/{teamId}/members
            OWNER         GET    /teams/{teamId}/members/candidates
            VIEWER        GET    /teams/{teamId}/networks
            OWNER         POST   /teams/{teamId}/networks
            VIEWER        GET    /teams/{teamId}/networks/{networkId}
            OWNER         POST   /teams/{teamId}/networks/{networkId}/delete
            OPERATOR      POST   /teams/{teamId}/networks/{networkId}/environments
            OPERATOR      POST   /teams/{teamId}/networks/{networkId}/environments/{environmentId}/remove
            VIEWER        GET    /teams/{teamId}/notifications
            OWNER         POST   /teams/{teamId}/notifications
            VIEWER        GET    /teams/{teamId}/notifications/{channelId}
            OWNER         POST   /teams/{teamId}/notifications/{channelId}
            OWNER         POST   /teams/{teamId}/notifications/{channelId}/delete
            OWNER         POST   /teams/{teamId}/notifications/{channelId}/test
            OWNER         POST   /teams/{teamId}/members/{userId}/remove
            OWNER         POST   /teams/{teamId}/members/{userId}/role
            OWNER         POST   /teams/{teamId}/rename
            OWNER         POST   /teams/{teamId}/restore
            VIEWER        GET    /teams/{teamId}/schedules
            VIEWER        GET    /teams/{teamId}/schedules/default
            OPERATOR      POST   /teams/{teamId}/schedules/default
            OPERATOR      POST   /teams/{teamId}/schedules/default/mirror
            OWNER         POST   /teams/{teamId}/server-updates
            VIEWER        GET    /teams/{teamId}/settings
            """;

    /** "METHOD pattern" to what it needs. */
    static final Map<String, Access> ROUTES = parse();

    private RoleMatrix() {
    }

    private static Map<String, Access> parse() {
        Map<String, Access> routes = new LinkedHashMap<>();
        TABLE.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] columns = line.split("\\s+");
            routes.put(columns[1] + " " + columns[2], Access.valueOf(columns[0]));
        });
        return Map.copyOf(routes);
    }
}
