package com.mcpportal.portal.apikey;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Rotated keys waiting to be seen by an owner. */
interface RotatedKeyRevealRepository extends JpaRepository<RotatedKeyReveal, Long> {

    /** What the banner lists for a user: waiting keys of the active teams the user owns. */
    interface Waiting {
        long getTeamId();

        String getTeamName();

        long getKeyId();

        String getKeyName();

        String getPublicId();
    }

    /** Locks the row, so two owners clicking at once see the key once between them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RotatedKeyReveal r where r.apiKeyId = :keyId and r.teamId = :teamId")
    Optional<RotatedKeyReveal> findForUpdate(@Param("keyId") long keyId, @Param("teamId") long teamId);

    List<RotatedKeyReveal> findByTeamId(long teamId);

    @Query(value = """
            SELECT r.team_id AS teamId, t.name AS teamName, k.id AS keyId, k.name AS keyName, k.public_id AS publicId
            FROM api_key_reveal r
            JOIN api_key k ON k.id = r.api_key_id
            JOIN team t ON t.id = r.team_id AND t.archived_at IS NULL
            JOIN team_member m ON m.team_id = r.team_id AND m.user_id = :userId AND m.role = 'OWNER'
            ORDER BY t.name, k.id""", nativeQuery = true)
    List<Waiting> findWaitingForOwner(@Param("userId") long userId);
}
