package dev.sift.bot.install;

import dev.sift.triage.audit.Audit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Installs, uninstalls and the deletion of a workspace's data, written to the audit log before
 * whatever else follows them (starting or stopping the workspace's Sift). Tokens never appear: only
 * ids and scopes.
 */
public final class AuditedInstallEvents implements InstallEvents {
  private final Audit audit;
  private final InstallEvents then;

  public AuditedInstallEvents(Audit audit, InstallEvents then) {
    this.audit = audit;
    this.then = then;
  }

  @Override
  public void installed(Installation i) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (i.enterpriseId() != null) {
      details.put("enterprise", i.enterpriseId());
    }
    details.put("org_install", i.orgInstall());
    if (i.scope() != null) {
      details.put("scopes", i.scope());
    }
    // Slack's OAuth answer names the workspace, not who clicked Allow: the actor is Slack's flow.
    String target = i.teamId() != null ? i.teamId() : i.enterpriseId();
    audit.record(Audit.SYSTEM, "install", target, details);
    then.installed(i);
  }

  @Override
  public void uninstalled(String teamId, String why) {
    audit.record(Audit.SYSTEM, "uninstall", teamId, Map.of("why", why));
    then.uninstalled(teamId, why);
  }

  @Override
  public void forgotten(String teamId) {
    audit.record(Audit.SYSTEM, "workspace.forgotten", teamId, Map.of());
    then.forgotten(teamId);
  }
}
