package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API key routes: {@code {keyId}} is a live key of the victim team that the rotation job has just rolled, so
 * its new key waits to be revealed: revoke, roll and reveal would all really do something if a check were missing.
 * Its state also lists every key, of any team, that works on one of the victim's environments.
 */
public class ApiKeyTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        ApiKeyService keys = context.getBean(ApiKeyService.class);
        String name = "victim-key-" + victim.teamId();
        IssuedKey original = keys.issue(victim.teamId(), new IssueKeyCommand(name, Duration.ofDays(30),
                true, Set.of(), null));
        IssuedKey rotated = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(s -> {
            IssuedKey rolled = keys.roll(victim.teamId(), original.key().id(), Duration.ofDays(1),
                    AuditEntry.SCHEDULER, "tenant isolation fixture");
            keys.keepForOwners(rolled);
            return rolled;
        });
        context.getBean(KeyRotation.class).setPolicy(victim.teamId(), 30, GracePeriod.ONE_DAY);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(
                Map.of("keyId", Long.toString(rotated.key().id())),
                Set.of(name, original.key().publicId(), rotated.key().publicId(),
                        original.plaintext().reveal(), rotated.plaintext().reveal()),
                () -> List.of(
                        jdbc.queryForList("SELECT public_id, name, expires_at, revoked_at, rolled_to_id, version"
                                + " FROM api_key WHERE team_id = ? ORDER BY id", victim.teamId()),
                        jdbc.queryForList("SELECT api_key_id, sealed_key FROM api_key_reveal WHERE team_id = ?",
                                victim.teamId()),
                        jdbc.queryForList("SELECT every_days, grace_seconds FROM api_key_rotation_policy"
                                + " WHERE team_id = ?", victim.teamId()),
                        // keys of any team that work on the victim's environments: only the victim's own
                        jdbc.queryForList("SELECT k.team_id, ke.api_key_id, ke.environment_id FROM api_key_environment ke"
                                + " JOIN api_key k ON k.id = ke.api_key_id JOIN environment e ON e.id = ke.environment_id"
                                + " WHERE e.team_id = ? ORDER BY ke.api_key_id, ke.environment_id", victim.teamId())));
    }
}
