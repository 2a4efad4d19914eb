package dev.clod.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random ids and secrets, and the one-way hash under which a secret is stored. The server's admin
 * and static keys use the same secrets and hash as the keys of projects.
 */
public final class KeyMaterial {

    static final String SECRET_PREFIX = "sk-clod-";
    static final int SECRET_RANDOM_CHARS = 40;
    static final int DISPLAY_PREFIX = 12;
    private static final int ID_RANDOM_CHARS = 20;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final KeyMaterial SHARED = new KeyMaterial(new SecureRandom());

    private final SecureRandom random;

    KeyMaterial(SecureRandom random) {
        this.random = random;
    }

    String projectId() {
        return "proj_" + base62(ID_RANDOM_CHARS);
    }

    String keyId() {
        return "key_" + base62(ID_RANDOM_CHARS);
    }

    /** A new secret: 40 base62 characters carry about 238 bits, beyond guessing. */
    String secret() {
        return SECRET_PREFIX + base62(SECRET_RANDOM_CHARS);
    }

    /** A new secret from a shared strong random source, for keys made outside the account store. */
    public static String newSecret() {
        return SHARED.secret();
    }

    /** What a list may show of a secret. */
    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_PREFIX);
    }

    /**
     * Hex SHA-256 of the secret. A fast hash is enough: the secret is random and long, so there is
     * nothing for a slow password hash to protect, and it runs on every request.
     */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    private String base62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(chars);
    }
}
