package com.mcpportal.portal.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Reads of the audit log; there are deliberately no save or delete methods. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    Page<AuditEvent> findByTeamId(long teamId, Pageable pageable);

    Page<AuditEvent> findAll(Pageable pageable);

    long count();
}
