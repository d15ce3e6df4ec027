package dev.ingest.ibkr.internal.wire;

/**
 * ACCOUNT_SUMMARY (63): one tag of one account, value as text ({@code 100000.00}, or {@code
 * INDIVIDUAL} for AccountType).
 */
public record AccountSummaryMessage(
    int reqId, String account, String tag, String value, String currency) {}
