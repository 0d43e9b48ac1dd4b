package com.mcpportal.portal.cloud.account;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mcpportal.portal.api.ApiPage;
import com.mcpportal.portal.api.IdCursor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cloud accounts environments can be created in, for any signed-in user (the environment form lists them to
 * everyone who creates one): what a script needs to choose one and to know whether it is real AWS or simulated.
 * Role ARNs and external ids stay on the administrators' pages; accounts are changed there only. There is no
 * {@code /{accountId}} route: accounts are not a team's, and every id-addressed API route answers outsiders 404.
 */
@RestController
@RequestMapping("/api/v1/cloud-accounts")
@Tag(name = "Cloud accounts")
class CloudAccountApiController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    private static final String CURSOR = "account";

    private final CloudAccounts accounts;

    CloudAccountApiController(CloudAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * An account as the API shows it.
     *
     * @param mode        AWS (real resources, billed) or SIMULATED (kept in the portal's database; its environments'
     *                    endpoints do not answer)
     * @param lastCheckOk the result of the last connection test, null when never tested
     */
    record CloudAccountJson(long id, String name, CloudAccountMode mode, String defaultRegion, Boolean lastCheckOk,
            Instant lastCheckAt) {

        static CloudAccountJson of(CloudAccount account) {
            return new CloudAccountJson(account.getId(), account.getName(), account.getMode(),
                    account.getDefaultRegion(), account.getLastCheckOk(), account.getLastCheckAt());
        }
    }

    @GetMapping
    @Operation(summary = "List the cloud accounts (by id, keyset-paged) with their mode and default region")
    ApiPage<CloudAccountJson> list(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        IdCursor.requireLimit(limit, MAX_LIMIT);
        List<CloudAccount> page = accounts.page(IdCursor.after(CURSOR, cursor), limit + 1);
        List<CloudAccountJson> items = page.stream().limit(limit).map(CloudAccountJson::of).toList();
        String next = page.size() > limit ? IdCursor.next(CURSOR, items.get(items.size() - 1).id()) : null;
        return new ApiPage<>(items, next);
    }
}
