package com.mcpportal.mcpserver.http;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Session;
import org.apache.catalina.session.ManagerBase;

/**
 * Tomcat's session manager for a server that keeps no HTTP sessions (MCP sessions are the SDK's, by header). The
 * standard one seeds a {@code SHA1PRNG} at start for session ids nobody asks for, and reads and writes a sessions
 * file in the work directory; this one does neither, and refuses to create a session should anything ask.
 */
final class NoSessionManager extends ManagerBase {

    @Override
    protected void startInternal() throws LifecycleException {
        setState(LifecycleState.STARTING);
    }

    @Override
    protected void stopInternal() throws LifecycleException {
        setState(LifecycleState.STOPPING);
    }

    @Override
    public Session createSession(String sessionId) {
        throw new IllegalStateException("This server keeps no HTTP sessions");
    }

    @Override
    public void load() {
        // nothing persisted
    }

    @Override
    public void unload() {
        // nothing to persist
    }
}
