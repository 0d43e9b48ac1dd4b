package com.mcpportal.portal.database;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application context knows it needs one (when
 * bean factory post-processors run, before any singleton is made), so the server's start (a first {@code initdb},
 * or {@code pg_ctl start} and recovery) runs beside the context's own start (Tomcat, Hibernate's metamodel, security)
 * instead of before Flyway. {@link #server()} hands the running server to the context, or fails the start with the
 * server's own error.
 */
final class EmbeddedPostgresStart implements BeanFactoryPostProcessor, DisposableBean {

    private final CompletableFuture<EmbeddedPostgresServer> starting;
    private volatile boolean handedOver;

    private EmbeddedPostgresStart(CompletableFuture<EmbeddedPostgresServer> starting) {
        this.starting = starting;
    }

    static EmbeddedPostgresStart begin(EmbeddedPostgresSettings settings) {
        CompletableFuture<EmbeddedPostgresServer> starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                starting.complete(EmbeddedPostgresServer.start(settings));
            }
            catch (Throwable failed) {
                starting.completeExceptionally(failed);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return new EmbeddedPostgresStart(starting);
    }

    /** Waits for the server; its start's failure is rethrown as it was thrown, so its message reaches the log. */
    EmbeddedPostgresServer server() {
        try {
            EmbeddedPostgresServer server = starting.get();
            handedOver = true;
            return server;
        }
        catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Could not start the embedded PostgreSQL", failed.getCause());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded PostgreSQL to start");
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to change: being a post-processor only makes the context create this object (and so start the
        // server) before it creates its singletons.
    }

    /** A context that failed before it took the server (another bean's error) must not leave it running. */
    @Override
    public void destroy() throws IOException {
        if (handedOver) {
            return;
        }
        try {
            starting.join().close();
        }
        catch (CompletionException notStarted) {
            // Nothing runs; the failure was (or will be) reported by server().
        }
    }
}
