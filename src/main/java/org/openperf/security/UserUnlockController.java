package org.openperf.security;

import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.IdentityService;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.NotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An administrator lifts a user's login lock before it expires. */
@RestController
public class UserUnlockController {

    public record Unlocked(String userId, boolean wasLocked, String message) {
    }

    private final LoginThrottle throttle;
    private final IdentityService identity;
    private final EngineAccess engine;

    public UserUnlockController(LoginThrottle throttle, IdentityService identity, EngineAccess engine) {
        this.throttle = throttle;
        this.identity = identity;
        this.engine = engine;
    }

    @PostMapping("/api/admin/users/{id}/unlock")
    @Operation(summary = "管理员解锁：解除用户因登录失败次数过多而被暂时锁定的状态（仅 camunda-admin 组）")
    public Unlocked unlock(@PathVariable String id) {
        if (!Caller.current().isAdmin()) {
            throw new ForbiddenException("只有管理员（camunda-admin 组）可以解锁用户");
        }
        if (engine.asSystem(() -> identity.createUserQuery().userId(id).count()) == 0) {
            throw new NotFoundException("用户“" + id + "”不存在");
        }
        boolean wasLocked = throttle.isLocked(id);
        throttle.unlock(id);
        // A lock Camunda itself set before its permanent lock was switched off is lifted too.
        engine.asSystem(() -> identity.unlockUser(id));
        return new Unlocked(id, wasLocked, wasLocked ? "已解锁用户 " + id : "用户 " + id + " 未被锁定，已清除其失败记录");
    }
}
