package com.mcpportal.portal.apikey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Rotated keys waiting to be seen by an owner. */
public interface RotatedKeyRevealRepository extends JpaRepository<RotatedKeyReveal, Long> {

    /** A key waiting to be seen, as the banner lists it. */
    interface Waiting {
        long getTeamId();

        long getKeyId();

        String getKeyName();

        String getPublicId();
    }

    /** Locks the row, so two owners clicking at once see the key once between them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RotatedKeyReveal r where r.apiKeyId = :keyId and r.teamId = :teamId")
    Optional<RotatedKeyReveal> findForUpdate(@Param("keyId") long keyId, @Param("teamId") long teamId);

    List<RotatedKeyReveal> findByTeamId(long teamId);

    /** The keys waiting to be seen in the given teams, by key. */
    @Query(value = """
            SELECT r.team_id AS teamId, k.id AS keyId, k.name AS keyName, k.public_id AS publicId
            FROM api_key_reveal r
            JOIN api_key k ON k.id = r.api_key_id
            WHERE r.team_id IN (:teamIds)
            ORDER BY k.id""", nativeQuery = true)
    List<Waiting> findWaitingInTeams(@Param("teamIds") Collection<Long> teamIds);
}
