package com.mcpportal.portal.cost;

import com.mcpportal.portal.support.PortalIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** {@link PortalIntegrationTest} with {@link CostTestConfiguration}: one shared context for the cost tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PortalIntegrationTest
@Import(CostTestConfiguration.class)
public @interface CostIntegrationTest {
}
