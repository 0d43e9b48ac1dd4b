package com.mcpportal.portal.cloud.aws.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Takes one field out of the answers the SDK hands the portal, as AWS (or an emulator) may leave it out: every
 * output member of an AWS API is optional, and moto, for one, leaves many out. Loaded into every SDK client like
 * {@link AwsCallLog}; inert unless a test arms it.
 *
 * <p>A field is named by its operation and member path, e.g. {@code ec2:DescribeInstances Reservations.Instances.State}:
 * the path runs through structures and into every element of lists. A structure or scalar taken out is absent
 * (null); a list or map taken out is empty, which is how the SDK shows an absent one.
 */
public final class AbsentFields implements ExecutionInterceptor {

    /** One field of one operation's answers. */
    public record Field(String operation, String path) {

        @Override
        public String toString() {
            return operation + " " + path;
        }
    }

    private static volatile Field absent;
    private static volatile Set<Field> collected;

    /** Runs {@code body} and returns every field the answers it received carried (the candidates to take out). */
    public static synchronized Set<Field> presentIn(Runnable body) {
        Set<Field> fields = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        collected = fields;
        try {
            body.run();
        } finally {
            collected = null;
        }
        return new LinkedHashSet<>(fields);
    }

    /** Runs {@code body} with {@code field} taken out of every answer of its operation. */
    public static synchronized <T> T without(Field field, Supplier<T> body) {
        absent = field;
        try {
            return body.get();
        } finally {
            absent = null;
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        Set<Field> fields = collected;
        Field field = absent;
        if (fields == null && field == null) {
            return context.response();
        }
        String operation = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                .toLowerCase(Locale.ROOT) + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (fields != null) {
            paths(context.response(), "").forEach(path -> fields.add(new Field(operation, path)));
        }
        if (field != null && field.operation().equals(operation)) {
            return (SdkResponse) remove(context.response(), Arrays.asList(field.path().split("\\.")));
        }
        return context.response();
    }

    private static List<String> paths(SdkPojo pojo, String prefix) {
        List<String> paths = new ArrayList<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof java.util.Collection<?> c && c.isEmpty()
                    || value instanceof java.util.Map<?, ?> m && m.isEmpty()) {
                continue;
            }
            String path = prefix + field.memberName();
            paths.add(path);
            Set<String> nested = new LinkedHashSet<>();
            if (value instanceof SdkPojo child) {
                nested.addAll(paths(child, path + "."));
            } else if (value instanceof List<?> list) {
                list.stream().filter(SdkPojo.class::isInstance)
                        .forEach(element -> nested.addAll(paths((SdkPojo) element, path + ".")));
            }
            paths.addAll(nested);
        }
        return paths;
    }

    private static Object remove(Object value, List<String> path) {
        if (value instanceof List<?> list) {
            return list.stream().map(element -> remove(element, path)).toList();
        }
        if (!(value instanceof SdkPojo pojo) || !(value instanceof ToCopyableBuilder<?, ?> copyable)) {
            return value;
        }
        SdkField<?> field = pojo.sdkFields().stream().filter(f -> f.memberName().equals(path.get(0))).findFirst()
                .orElse(null);
        if (field == null) {
            return value;
        }
        Object builder = copyable.toBuilder();
        field.set(builder, path.size() == 1 ? null : remove(field.getValueOrDefault(pojo), path.subList(1,
                path.size())));
        return ((SdkBuilder<?, ?>) builder).build();
    }
}
