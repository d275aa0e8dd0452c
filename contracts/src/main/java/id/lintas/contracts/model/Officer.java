package id.lintas.contracts.model;

/**
 * The sending officer.
 *
 * @param nip the civil-servant number (18 digits), or null when not known
 * @param name the officer's name as written, or null
 * @param phone the phone number in E.164 ({@code +62541661234}), or null
 */
public record Officer(String nip, String name, String phone) {}
