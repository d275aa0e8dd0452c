package id.lintas.hub.account;

import id.lintas.hub.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage people's accounts (the security chain admits administrators only):
 * {@code GET/POST /api/v1/accounts}, {@code GET /api/v1/accounts/{name}} with its recorded changes,
 * {@code POST .../disable}, {@code .../enable}, {@code .../password} and {@code PUT .../roles}.
 */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewAccount(String username, String password, List<String> roles, String party) {}

    record NewPassword(String password) {}

    record NewRoles(List<String> roles, String party) {}

    @GetMapping
    List<AccountService.AccountView> list() {
        return accounts.list();
    }

    @GetMapping("/{username}")
    AccountService.AccountView get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountService.AccountView> create(@RequestBody NewAccount account) {
        AccountService.AccountView created =
                accounts.create(account.username(), account.password(), account.roles(), account.party(), actor());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.username()))
                .body(created);
    }

    @PostMapping("/{username}/disable")
    AccountService.AccountView disable(@PathVariable String username) {
        return accounts.disable(username, actor());
    }

    @PostMapping("/{username}/enable")
    AccountService.AccountView enable(@PathVariable String username) {
        return accounts.enable(username, actor());
    }

    @PostMapping(value = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> password(@PathVariable String username, @RequestBody NewPassword password) {
        accounts.resetPassword(username, password.password(), actor());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(value = "/{username}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountService.AccountView roles(@PathVariable String username, @RequestBody NewRoles roles) {
        return accounts.setRoles(username, roles.roles(), roles.party(), actor());
    }

    private static String actor() {
        return Caller.required().name();
    }
}
