package com.mcpportal.portal.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored API keys (digests and metadata). */
public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    List<ApiKey> findByTeamIdOrderByCreatedAtDescIdDesc(long teamId);

    /** The first page of the team's keys, newest first. */
    List<ApiKey> findByTeamIdOrderByCreatedAtDescIdDesc(long teamId, Limit limit);

    /** The page after a key (keyset paging, same order as above). */
    @Query("select k from ApiKey k where k.teamId = :teamId and (k.createdAt < :createdAt"
            + " or (k.createdAt = :createdAt and k.id < :id)) order by k.createdAt desc, k.id desc")
    List<ApiKey> findPageAfter(@Param("teamId") long teamId, @Param("createdAt") Instant createdAt,
            @Param("id") long id, Limit limit);

    Optional<ApiKey> findByIdAndTeamId(long id, long teamId);

    Optional<ApiKey> findByIssueToken(String issueToken);

    /** Locks the row: a roll and a revoke of the same key are decided one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from ApiKey k where k.id = :id and k.teamId = :teamId")
    Optional<ApiKey> findForUpdate(@Param("id") long id, @Param("teamId") long teamId);

    /** The team's keys the servers accept at {@code now}. */
    @Query("select k from ApiKey k where k.teamId = :teamId and k.revokedAt is null"
            + " and (k.expiresAt is null or k.expiresAt > :now) order by k.publicId")
    List<ApiKey> findLive(@Param("teamId") long teamId, @Param("now") Instant now);

    @Query("select count(k) from ApiKey k where k.teamId = :teamId and k.revokedAt is null"
            + " and (k.expiresAt is null or k.expiresAt > :now)")
    long countLive(@Param("teamId") long teamId, @Param("now") Instant now);

    /** Keys whose expiry has passed and was not noticed yet. */
    @Query("select k from ApiKey k where k.revokedAt is null and k.expiresAt <= :now and k.expiryNotedAt is null")
    List<ApiKey> findNewlyExpired(@Param("now") Instant now);

    /** Live keys of any team, not rolled (a successor takes over those), that expire after {@code now} and by {@code by}. */
    @Query("select k from ApiKey k where k.revokedAt is null and k.rolledToId is null and k.expiresAt > :now"
            + " and k.expiresAt <= :by order by k.expiresAt, k.id")
    List<ApiKey> findExpiringBy(@Param("now") Instant now, @Param("by") Instant by);

    /** Keys the team's rotation policy makes due: live, not rolled, created at or before {@code createdBefore}. */
    @Query("select k from ApiKey k where k.teamId = :teamId and k.revokedAt is null and k.rolledToId is null"
            + " and (k.expiresAt is null or k.expiresAt > :now) and k.createdAt <= :createdBefore order by k.id")
    List<ApiKey> findDueForRotation(@Param("teamId") long teamId, @Param("now") Instant now,
            @Param("createdBefore") Instant createdBefore);
}
