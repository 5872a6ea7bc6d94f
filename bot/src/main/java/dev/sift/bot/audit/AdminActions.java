package dev.sift.bot.audit;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.sift.bot.slack.view.CorrectionForm;
import dev.sift.bot.slack.view.CorrectionModal;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.audit.Audit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the admin actions people take in Slack as they pass through Bolt: {@code /triage watch}
 * and {@code unwatch}, a card's Reassign and a Wrong-triage correction (uninstalls are recorded by
 * {@link dev.sift.bot.install.AuditedInstallEvents}, which knows whether the bot's token went). A
 * Bolt middleware, so the listeners stay as they are; an action is recorded once Sift accepted it
 * (acked without errors).
 */
public final class AdminActions implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

  private final Audit audit;

  public AdminActions(Audit audit) {
    this.audit = audit;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Response answer = chain.next(req);
    if (answer.getStatusCode() == 200
        && (answer.getBody() == null || !answer.getBody().contains("\"errors\""))) {
      try {
        recordIfAdmin(req);
      } catch (RuntimeException e) {
        // The action happened; a failed audit write is loud in the log, never a failed action.
        log.error("could not audit {}: {}", req.getRequestType(), e.toString(), e);
      }
    }
    return answer;
  }

  private void recordIfAdmin(Request<?> req) {
    if (req instanceof SlashCommandRequest c) {
      var p = c.getPayload();
      String text = p.getText() == null ? "" : p.getText().strip().toLowerCase(Locale.ROOT);
      String sub = text.split("\\s+", 2)[0];
      if (sub.equals("watch") || sub.equals("unwatch")) {
        audit.record(p.getUserId(), sub, p.getChannelId(), Map.of());
      }
    } else if (req instanceof BlockActionRequest b) {
      BlockActionPayload p = b.getPayload();
      if (p.getActions() != null
          && !p.getActions().isEmpty()
          && TaskCard.REASSIGN.equals(p.getActions().get(0).getActionId())) {
        String assignee = p.getActions().get(0).getSelectedUser();
        audit.record(
            p.getUser().getId(),
            "reassign",
            itemIdOf(p),
            assignee == null ? Map.of() : Map.of("assignee", assignee));
      }
    } else if (req instanceof ViewSubmissionRequest v) {
      var view = v.getPayload().getView();
      if (CorrectionModal.CALLBACK_ID.equals(view.getCallbackId())) {
        Map<String, Object> details = new LinkedHashMap<>();
        CorrectionForm c = CorrectionForm.read(view.getState());
        details.put("category", c.category());
        details.put("priority", c.priority().name());
        audit.record(
            v.getPayload().getUser().getId(), "correct", view.getPrivateMetadata(), details);
      }
    }
  }

  /** The item a card belongs to: the value of the card's buttons. */
  private static String itemIdOf(BlockActionPayload p) {
    if (p.getMessage() == null || p.getMessage().getBlocks() == null) {
      return null;
    }
    for (LayoutBlock block : p.getMessage().getBlocks()) {
      if (block instanceof ActionsBlock a) {
        for (BlockElement element : a.getElements()) {
          if (element instanceof ButtonElement button && button.getValue() != null) {
            return button.getValue();
          }
        }
      }
    }
    return null;
  }
}
