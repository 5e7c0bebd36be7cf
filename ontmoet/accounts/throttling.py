def username_for_axes(request, credentials):
    """The address tried at login, in lower case: 'Jan@x.nl' and 'jan@x.nl' count as one account."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower() or None
