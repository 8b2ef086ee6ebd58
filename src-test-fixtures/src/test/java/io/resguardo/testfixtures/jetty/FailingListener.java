package io.resguardo.testfixtures.jetty;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Refuses to start, as Resguardo does on a bad production configuration. */
public final class FailingListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        throw new IllegalStateException("RESGUARDO_API_ALLOWLIST is required in production");
    }
}
