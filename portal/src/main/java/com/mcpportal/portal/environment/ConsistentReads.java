package com.mcpportal.portal.environment;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads that must agree with each other, an environment's state and its operations, taken from one snapshot
 * (a read-only REPEATABLE READ transaction). An operation ends in one transaction that moves both; but at READ
 * COMMITTED each query sees the latest commit, so a page reading the environment and then its operations could
 * catch that commit in between: the state still "Provisioning", no operation in flight any more, so nothing to
 * poll for, and the page stayed on "Provisioning" for good (the flaky browser test of issue 16).
 */
@Component
class ConsistentReads {

    private final TransactionTemplate snapshot;

    ConsistentReads(PlatformTransactionManager transactions) {
        snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** What the reads return, all of them as of the moment the first one ran. */
    <T> T of(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }
}
