"""What an alert email says: that something changed, and a link to the page. Never a
name (not the child's, not a family member's, not a colleague's): an email may be read by
whoever reads the inbox, and it may be forwarded."""

from __future__ import annotations

from email.message import EmailMessage

# The alert kinds: the team change, with "_you" when the change names the person told.
SENTENCES = {
    "added": "Someone joined the team of a child you work with.",
    "joined": "Someone joined the team of a child you work with.",
    "added_you": "You were added to a child's team.",
    "left": "Someone left the team of a child you work with.",
    "left_you": "Your involvement with a child was ended by a colleague.",
    "handed_over": "Someone handed over their work on the team of a child you work with.",
    "successor_you": "You were named as the successor on a child's team.",
    "lead_changed": "The lead practitioner changed on the team of a child you work with.",
    "lead_you": "You were made the lead practitioner on a child's team.",
    "concern_raised": "A concern was raised about a child you work with.",
    "meeting_needed": "Concerns about a child you work with have reached the point where "
                      "the team should meet.",
    "gap_assigned_you": "A gap in the professionals around a family was given to you to act on.",
}

SUBJECT = "a change on a child's team"
SUBJECTS = {"gap_assigned_you": "a gap given to you"}
FOOTER = ("You get these emails from the {service} about the children you work with. Choose "
          "how often (or never) at {base}/me/alerts. Sign in to see what changed.")


def _message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message.set_content(body)
    return message


def immediate(alert: dict, sender: str, service: str, base_url: str) -> EmailMessage:
    body = (f"{SENTENCES[alert['kind']]}\n\n"
            f"See it: {base_url}{alert['path']}\n\n"
            f"{FOOTER.format(service=service, base=base_url)}\n")
    return _message(sender, alert["email"], f"{service}: {SUBJECTS.get(alert['kind'], SUBJECT)}",
                    body)


def digest(email: str, alerts: list[dict], sender: str, service: str,
           base_url: str) -> EmailMessage:
    lines = [f"- {SENTENCES[a['kind']]}\n  {base_url}{a['path']}" for a in alerts]
    count = f"{len(alerts)} change{'s' if len(alerts) != 1 else ''}"
    body = (f"Since your last email, {count} about the children you work with:\n\n"
            + "\n".join(lines)
            + f"\n\n{FOOTER.format(service=service, base=base_url)}\n")
    return _message(sender, email, f"{service}: {count} about the children you work with", body)
