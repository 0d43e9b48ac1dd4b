package com.mcpportal.mcpserver.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The SDK's JSON Schema validator, loaded on the first {@code tools/call} instead of at start-up
 * (it costs a third of a second of class loading). The build-time check that every tool schema is
 * itself valid is skipped here; {@code ToolSchemaTests} makes it in the build instead.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

    private volatile @Nullable JsonSchemaValidator delegate;

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return delegate().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = McpJsonDefaults.getSchemaValidator();
                }
                current = delegate;
            }
        }
        return current;
    }
}
