from ontmoet.core.testing.permissions import (
    FORBIDDEN,
    LOGGED_IN,
    NOT_FOUND,
    OK,
    PROVINCE_ONLY,
    REDIRECT,
    expect,
)

from .factories import BudgetFactory, PartnerFactory, QuickscanFactory, world_initiative

# The initiator's initiative in Raalte, linked to the Raalte place: its owner, the province, the
# municipality and the place's board see it; nobody else learns that it exists.
VISIBLE = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=OK, province_staff=OK, municipal_officer=OK,
                 board_member=OK, initiator=OK)
# Only the owner (and accepted partners) change it; readers in scope get 403 on a change.
CHANGE = expect(NOT_FOUND, anonymous=REDIRECT, province_admin=FORBIDDEN, province_staff=FORBIDDEN,
                municipal_officer=FORBIDDEN, board_member=FORBIDDEN, initiator=REDIRECT)
OWNER_ONLY = expect(NOT_FOUND, anonymous=REDIRECT, initiator=OK)


def initiative(world):
    return world_initiative(world).pk


def with_budget(world):
    return BudgetFactory(initiative=world_initiative(world)).initiative.pk


def with_quickscan(world):
    return QuickscanFactory(initiative=world_initiative(world), status="besloten", decision="go").initiative.pk


def invited_partner(world):
    """One open invitation per test world (both URL kwargs of a rule ask for it)."""
    if not hasattr(world, "toolkit_partner"):
        world.toolkit_partner = PartnerFactory(initiative=world_initiative(world), email="new.partner@test.example")
    return world.toolkit_partner


MATRIX = {
    "toolkit:list": ("get", {}, LOGGED_IN),
    "toolkit:create": ("get", {}, LOGGED_IN),
    "toolkit:inspiration": ("get", {}, LOGGED_IN),
    "toolkit:trees": ("get", {}, LOGGED_IN),
    "toolkit:tree_edit": ("get", {"slug": "bewonersbeheer"}, PROVINCE_ONLY),
    # anyone with the link: newcomers make an account on the page itself
    "toolkit:accept": ("get", {"token": lambda world: invited_partner(world).token}, expect(OK)),
    "toolkit:detail": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:edit": ("get", {"pk": initiative}, OWNER_ONLY),
    "toolkit:partners": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:partner_remove": ("post", {"pk": lambda world: invited_partner(world).initiative_id,
                                        "partner_pk": lambda world: invited_partner(world).pk}, CHANGE),
    "toolkit:quickscan": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:quickscan_reopen": ("post", {"pk": with_quickscan}, CHANGE),
    "toolkit:typology": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:social": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:design": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:budget": ("get", {"pk": initiative}, VISIBLE),
    "toolkit:budget_xlsx": ("get", {"pk": with_budget}, VISIBLE),
    "toolkit:budget_chart": ("get", {"pk": with_budget}, VISIBLE),
    "toolkit:tree_walk": ("get", {"pk": initiative, "slug": "bewonersbeheer"}, VISIBLE),
    "toolkit:pdf": ("get", {"pk": initiative}, VISIBLE),
}
