package com.mcpportal.portal.cloud.account;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored cloud accounts. */
interface CloudAccountRepository extends JpaRepository<CloudAccount, Long> {

    List<CloudAccount> findAllByOrderByNameAsc();

    List<CloudAccount> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);
}
