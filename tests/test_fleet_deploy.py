"""The fleet's deployment files: the pull units, the Ansible playbook and the alert rules."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import yaml

from tests.fleet_helpers import PULL_METRICS, PULL_SCRIPT, REPO

FLEET = REPO / "deploy" / "fleet"


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_the_pull_units_run_the_installed_script() -> None:
    service = unit(FLEET / "kiosk-content-pull.service")
    timer = unit(FLEET / "kiosk-content-pull.timer")
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["ExecStart"].startswith("/usr/local/bin/kiosk-content-pull")
    assert "75" in service["Service"]["SuccessExitStatus"]
    assert timer["Timer"]["Unit"] == "kiosk-content-pull.service"
    assert timer["Install"]["WantedBy"] == "timers.target"
    assert PULL_SCRIPT.stat().st_mode & 0o111, "the script must be executable"
    assert PULL_SCRIPT.read_text(encoding="utf-8").startswith("#!/bin/sh\n")


ANSIBLE = FLEET / "ansible"


def ansible_files() -> list[Path]:
    return sorted(path for path in ANSIBLE.rglob("*") if path.suffix in (".yml", ".yaml"))


def test_the_ansible_playbook_is_yaml_and_its_files_exist() -> None:
    """CI has no Ansible: check the YAML and that every file a task names is there."""
    assert ansible_files(), "the playbook is missing"
    playbook = yaml.safe_load((ANSIBLE / "kiosk.yml").read_text(encoding="utf-8"))
    assert isinstance(playbook, list) and playbook[0]["hosts"] == "kiosks"
    roles = [role if isinstance(role, str) else role["role"] for role in playbook[0]["roles"]]
    names: list[str] = []
    for role in roles:
        folder = ANSIBLE / "roles" / role
        tasks = yaml.safe_load((folder / "tasks" / "main.yml").read_text(encoding="utf-8"))
        handlers = folder / "handlers" / "main.yml"
        if handlers.exists():
            tasks += yaml.safe_load(handlers.read_text(encoding="utf-8"))
        for task in tasks:
            assert task.get("name"), f"{role}: every task has a name: {task}"
            names.append(task["name"])
            for module in ("ansible.builtin.template", "ansible.builtin.copy"):
                source = (task.get(module) or {}).get("src")
                if source and "{{" not in source:
                    kind = "templates" if module.endswith("template") else "files"
                    assert (folder / kind / source).exists() or (ANSIBLE / source).exists(), source
    assert len(names) == len(set(names)), "task names are unique"
    for path in ansible_files():
        yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (ANSIBLE / "inventory.example.ini").exists()


def role_tasks() -> list[dict[str, object]]:
    tasks = yaml.safe_load((ANSIBLE / "roles" / "kiosk" / "tasks" / "main.yml").read_text(encoding="utf-8"))
    assert isinstance(tasks, list)
    return tasks


def test_the_playbook_clones_once_into_the_store_beside_the_content_link() -> None:
    (clone,) = [task for task in role_tasks() if "--clone" in str(task.get("ansible.builtin.command"))]
    command = clone["ansible.builtin.command"]
    assert isinstance(command, dict)
    assert command["creates"] == "{{ kiosk_content_dir }}.store/repo.git"
    assert command["argv"][-1] == "{{ kiosk_content_dir }}"


def test_the_playbook_sets_the_pin_from_stdin_and_never_logs_it() -> None:
    (pin,) = [task for task in role_tasks() if "set-pin" in str(task.get("ansible.builtin.command"))]
    command = pin["ansible.builtin.command"]
    assert isinstance(command, dict)
    assert command["argv"][1:] == ["set-pin", "--pin-stdin"]
    assert command["stdin"] == "{{ kiosk_staff_pin }}"
    assert pin["no_log"] is True and pin["become_user"] == "{{ kiosk_user }}"
    (key,) = [task for task in role_tasks() if "id_ed25519" in str(task.get("ansible.builtin.copy"))]
    assert key["no_log"] is True


def test_the_playbook_starts_the_kiosk_the_pull_timer_and_node_exporter() -> None:
    (start,) = [task for task in role_tasks() if "ansible.builtin.systemd_service" in task
                and task.get("loop")]
    assert start["loop"] == ["prometheus-node-exporter.service", "kiosk-content-pull.timer",
                             "cage-kiosk.service"]
    text = (ANSIBLE / "roles" / "kiosk" / "templates" / "screen.yaml.j2").read_text(encoding="utf-8")
    assert "metrics_file: {{ kiosk_metrics_file | to_json }}" in text


def render_defaults(template: str) -> str:
    """Fill a role template's {{ variables }} with the role's defaults (no Jinja needed)."""
    defaults_file = ANSIBLE / "roles" / "kiosk" / "defaults" / "main.yml"
    defaults = yaml.safe_load(defaults_file.read_text(encoding="utf-8"))
    defaults["ansible_managed"] = "managed by Ansible"

    def fill(text: str) -> str:
        for _ in range(5):  # defaults may name other defaults
            text = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda match: str(defaults[match.group(1)]), text)
        return text

    return fill(template)


def test_the_playbooks_kiosk_unit_is_the_documented_one() -> None:
    """With the default paths, the role installs exactly deploy/cage-kiosk.service."""
    rendered = render_defaults(
        (ANSIBLE / "roles" / "kiosk" / "templates" / "cage-kiosk.service.j2").read_text(encoding="utf-8"))
    installed, documented = configparser.ConfigParser(strict=False, interpolation=None), unit(
        REPO / "deploy" / "cage-kiosk.service")
    installed.optionxform = str  # type: ignore[assignment,method-assign]
    installed.read_string(rendered)
    assert {name: dict(installed[name]) for name in installed.sections()} == {
        name: dict(documented[name]) for name in documented.sections()}


def test_the_alert_rules_use_metrics_that_exist() -> None:
    """Every kiosk metric an alert names is written by the kiosk or by the pull script."""
    from kiosk.fleet.metrics import ALL_METRIC_NAMES

    rules = yaml.safe_load((FLEET / "prometheus" / "kiosk-alerts.rules.yml").read_text(encoding="utf-8"))
    alerts = [rule for group in rules["groups"] for rule in group["rules"]]
    assert len(alerts) >= 5
    named: set[str] = set()
    for alert in alerts:
        assert alert["alert"] and alert["expr"] and alert["annotations"]["summary"]
        named |= set(re.findall(r"\bkiosk_[a-z_]+\b", alert["expr"]))
    assert named <= set(ALL_METRIC_NAMES) | set(PULL_METRICS)
    assert {"kiosk_content_valid", "kiosk_content_pull_consecutive_failures"} <= named
    tests = yaml.safe_load((FLEET / "prometheus" / "kiosk-alerts.test.yml").read_text(encoding="utf-8"))
    assert tests["rule_files"] == ["kiosk-alerts.rules.yml"]
