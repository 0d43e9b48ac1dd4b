package com.mcpportal.portal.accesstoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored personal access tokens. */
interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findBySha256(String sha256);

    Optional<AccessToken> findByIssueToken(String issueToken);

    Optional<AccessToken> findByIdAndUserId(long id, long userId);

    List<AccessToken> findByUserIdOrderByIdDesc(long userId);

    /** Records a use, at most once a minute per token, so busy scripts do not write a row per request. */
    @Modifying
    @Query("update AccessToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :staleBefore)")
    int touch(@Param("id") long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
