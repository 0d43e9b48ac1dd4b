package com.mcpportal.portal.environment.operation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step of an operation: its name, where it is, when it ran, and what it found or why it failed. */
@Entity
@Table(name = "operation_step")
class OperationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "operation_id")
    private Operation operation;

    private int position;

    private String name;

    @Enumerated(EnumType.STRING)
    private StepState state;

    private Instant startedAt;

    private Instant finishedAt;

    private String detail;

    private int attempts;

    protected OperationStep() {
    }

    OperationStep(Operation operation, int position, String name) {
        this.operation = operation;
        this.position = position;
        this.name = name;
        this.state = StepState.PENDING;
    }

    void begin(Instant now) {
        state = StepState.RUNNING;
        startedAt = now;
        finishedAt = null;
        attempts++;
    }

    void done(String result, Instant now) {
        state = StepState.DONE;
        detail = result == null ? null : Operation.truncate(result, 2000);
        finishedAt = now;
    }

    void fail(String reason, Instant now) {
        state = StepState.FAILED;
        detail = reason == null ? null : Operation.truncate(reason, 2000);
        finishedAt = now;
    }

    void reset() {
        state = StepState.PENDING;
    }

    int getPosition() {
        return position;
    }

    String getName() {
        return name;
    }

    StepState getState() {
        return state;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    String getDetail() {
        return detail;
    }

    int getAttempts() {
        return attempts;
    }
}
