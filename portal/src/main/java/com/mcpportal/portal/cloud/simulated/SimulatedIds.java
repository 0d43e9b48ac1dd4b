package com.mcpportal.portal.cloud.simulated;

import java.security.SecureRandom;

import com.mcpportal.portal.cloud.EnvironmentRef;

/** Ids and ARNs that look like AWS's: {@code vpc-0f3a…}, {@code i-0…}, {@code arn:aws:ecs:…}. */
final class SimulatedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private SimulatedIds() {
    }

    /** An EC2-style id: {@code vpc-0} and 16 more hex digits. */
    static String ec2(String prefix) {
        return prefix + "-0" + random(HEX, 16);
    }

    /** A short lowercase id like API Gateway's ({@code a1b2c3d4e5}). */
    static String shortId(int length) {
        return random(LOWER, length);
    }

    /** A plausible 12-digit account number, always the same for one portal cloud account. */
    static String accountNumber(String portalAccountId) {
        long value = (portalAccountId.hashCode() & 0x7fffffffL) * 7919L % 900_000_000_000L + 100_000_000_000L;
        return Long.toString(value);
    }

    static String arn(EnvironmentRef env, String service, String resource) {
        return "arn:aws:" + service + ":" + env.target().region() + ":" + accountNumber(env.target().accountId()) + ":"
                + resource;
    }

    static String publicIp() {
        return "3." + (64 + RANDOM.nextInt(64)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    private static String random(char[] alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet[RANDOM.nextInt(alphabet.length)]);
        }
        return id.toString();
    }
}
