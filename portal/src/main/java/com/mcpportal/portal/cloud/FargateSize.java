package com.mcpportal.portal.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Fargate task size: CPU units (1024 = 1 vCPU) and memory in MiB. Only the pairs that
 * Fargate accepts are valid; {@link #validate} says why a pair is not.
 */
public record FargateSize(int cpu, int memoryMiB) {

    /** 0.25 vCPU and 0.5 GB: the cheapest size, enough for the MCP server. */
    public static final FargateSize DEFAULT = new FargateSize(256, 512);

    /** Every valid size, smallest first, for pick lists. */
    public static List<FargateSize> all() {
        List<FargateSize> sizes = new ArrayList<>();
        for (int cpu : new int[] {256, 512, 1024, 2048, 4096, 8192, 16384}) {
            for (int memory : memoryChoices(cpu)) {
                sizes.add(new FargateSize(cpu, memory));
            }
        }
        return sizes;
    }

    /** The memory sizes Fargate accepts for a CPU value, empty for an unknown CPU value. */
    public static List<Integer> memoryChoices(int cpu) {
        return switch (cpu) {
            case 256 -> List.of(512, 1024, 2048);
            case 512 -> steps(1024, 4096, 1024);
            case 1024 -> steps(2048, 8192, 1024);
            case 2048 -> steps(4096, 16384, 1024);
            case 4096 -> steps(8192, 30720, 1024);
            case 8192 -> steps(16384, 61440, 4096);
            case 16384 -> steps(32768, 122880, 8192);
            default -> List.of();
        };
    }

    /** Why this pair is not a Fargate size, or empty when it is one. */
    public Optional<String> validate() {
        List<Integer> choices = memoryChoices(cpu);
        if (choices.isEmpty()) {
            return Optional.of("CPU " + cpu + " is not a Fargate size; choose 256, 512, 1024, 2048, 4096, 8192"
                    + " or 16384 CPU units (1024 = 1 vCPU)");
        }
        if (!choices.contains(memoryMiB)) {
            return Optional.of("Memory " + memoryMiB + " MiB does not fit " + vcpuLabel() + " vCPU; Fargate allows "
                    + describe(choices) + " MiB with that CPU");
        }
        return Optional.empty();
    }

    /** Returns this size, or throws {@link IllegalArgumentException} with {@link #validate}'s message. */
    public FargateSize requireValid() {
        validate().ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return this;
    }

    /** vCPUs as people write them: 0.25, 0.5, 1, 2 … */
    public String vcpuLabel() {
        return cpu % 1024 == 0 ? String.valueOf(cpu / 1024) : String.valueOf(cpu / 1024.0);
    }

    /** Memory in GB as people write it: 0.5, 1, 2 … */
    public String memoryGbLabel() {
        return memoryMiB % 1024 == 0 ? String.valueOf(memoryMiB / 1024) : String.valueOf(memoryMiB / 1024.0);
    }

    private static List<Integer> steps(int from, int to, int step) {
        List<Integer> values = new ArrayList<>();
        for (int m = from; m <= to; m += step) {
            values.add(m);
        }
        return List.copyOf(values);
    }

    private static String describe(List<Integer> choices) {
        if (choices.size() <= 3) {
            return String.join(", ", choices.stream().map(String::valueOf).toList());
        }
        return choices.get(0) + " to " + choices.get(choices.size() - 1) + " in steps of "
                + (choices.get(1) - choices.get(0));
    }
}
