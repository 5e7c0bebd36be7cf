"""The public pages on the sociale kaart (/kaart/vacatures/): no login, no personal data of anyone shown.

The two forms carry the report form's protections: a honeypot, a timing token, a per-visitor limit
(core.clientip) and a one-time key against double posts (core.submissions). Spam gets the same
friendly answer as a real message, so a bot learns nothing.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ontmoet.core import submissions
from ontmoet.core.clientip import client_ip
from ontmoet.places.geocoding import geocode

from .. import selectors, services
from ..forms import HelpOfferForm, ResponseForm, SearchForm
from ..models import HelpOffer
from ..workflows import TransitionError

PAGE_SIZE = 20
TOO_MANY = _("U heeft het afgelopen uur al een paar berichten gestuurd. Probeer het later nog eens.")
NOT_SENT = _("Niet verstuurd: verbeter de velden die rood gemarkeerd zijn.")


@require_safe
def public_list(request):
    form = SearchForm(request.GET or None)
    filters = form.filters()
    origin, notice = None, ""
    if filters.get("near"):
        origin = geocode(filters["near"])
        if origin is None:
            notice = _("We konden ‘%(near)s’ niet vinden. Probeer een postcode (bijvoorbeeld 8102) of de naam "
                       "van een dorp of gemeente.") % {"near": filters["near"]}
    page = Paginator(selectors.search(filters, origin), PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "vacancies/public_list.html", {
        "form": form, "page": page, "total": page.paginator.count, "origin": origin, "notice": notice,
        "query": query.urlencode()})


def _public_vacancy(pk):
    vacancy = selectors.public_vacancies().filter(pk=pk).first()
    if vacancy is None:
        raise Http404
    return vacancy


@require_http_methods(["GET", "POST"])
def public_detail(request, pk):
    vacancy = _public_vacancy(pk)
    form = ResponseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if services.too_many_submissions(client_ip(request)):
            messages.error(request, TOO_MANY)
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                try:
                    outcome = submissions.submit_once(
                        form.submission_token,
                        lambda: services.submit_response(vacancy, form.cleaned_data, client_ip(request)),
                        lambda _response: vacancy.get_public_url())
                except TransitionError as error:
                    messages.error(request, error.message)
                    return redirect(vacancy.get_public_url())
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
            messages.success(request, _("Dank u wel! Uw reactie is doorgestuurd naar het bestuur van %(place)s; "
                                        "zij nemen contact met u op.") % {"place": vacancy.place.name})
            return redirect(vacancy.get_public_url())
        else:
            messages.error(request, NOT_SENT)
            status = 400
    return render(request, "vacancies/public_detail.html", {"vacancy": vacancy, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def help_offer(request):
    form = HelpOfferForm(request.POST or None, initial={"municipality": request.GET.get("gemeente")})
    status = 200
    if request.method == "POST":
        if services.too_many_submissions(client_ip(request)):
            messages.error(request, TOO_MANY)
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                outcome = submissions.submit_once(
                    form.submission_token,
                    lambda: services.submit_help_offer(form.cleaned_data["municipality"], form.cleaned_data,
                                                       client_ip(request)),
                    lambda _offer: reverse("vacancies:public_list"))
                if outcome.repeated:
                    return submissions.repeated(request, outcome)
            messages.success(request, _("Dank u wel! De besturen van de plekken in uw gemeente zien nu dat u wilt "
                                        "helpen. U krijgt een e-mail met een link om uw aanmelding te verlengen of "
                                        "te stoppen."))
            return redirect("vacancies:public_list")
        else:
            messages.error(request, NOT_SENT)
            status = 400
    return render(request, "vacancies/help_offer_form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def help_renew(request, token):
    """The personal link from the mail: renew the offer for another year, or stop it."""
    offer = get_object_or_404(HelpOffer.objects.select_related("municipality"), token=token)
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            services.withdraw_help_offer(offer)
            messages.success(request, _("Uw aanmelding is gestopt en uw gegevens zijn verwijderd."))
            return redirect("vacancies:public_list")
        services.renew_help_offer(offer)
        messages.success(request, _("Uw aanmelding is met een jaar verlengd. Dank u wel!"))
        return redirect("vacancies:help_renew", token=offer.token)
    return render(request, "vacancies/help_renew.html", {"offer": offer, "offer_items": [
        (_("Gemeente"), offer.municipality.name), (_("Naam"), offer.name), (_("E-mailadres"), offer.email),
        (_("Telefoon"), offer.phone), (_("Wat u graag doet"), offer.interests)]})
