from django.urls import path

from .views import budgets, initiatives, tools, trees

app_name = "toolkit"
urlpatterns = [
    path("", initiatives.initiative_list, name="list"),
    path("nieuw/", initiatives.initiative_create, name="create"),
    path("inspiratie/", tools.inspiration, name="inspiration"),
    path("beslisbomen/", trees.tree_list, name="trees"),
    path("beslisbomen/<slug:slug>/bewerken/", trees.tree_edit, name="tree_edit"),
    path("uitnodiging/<str:token>/", initiatives.accept_invitation, name="accept"),
    path("<int:pk>/", initiatives.initiative_detail, name="detail"),
    path("<int:pk>/bewerken/", initiatives.initiative_edit, name="edit"),
    path("<int:pk>/partners/", initiatives.partners, name="partners"),
    path("<int:pk>/partners/<int:partner_pk>/verwijderen/", initiatives.partner_remove, name="partner_remove"),
    path("<int:pk>/quickscan/", tools.quickscan, name="quickscan"),
    path("<int:pk>/quickscan/heropenen/", tools.quickscan_reopen, name="quickscan_reopen"),
    path("<int:pk>/typologie/", tools.typology, name="typology"),
    path("<int:pk>/sociaal-beheer/", tools.social, name="social"),
    path("<int:pk>/fysiek-ontwerp/", tools.design, name="design"),
    path("<int:pk>/begroting/", budgets.budget, name="budget"),
    path("<int:pk>/begroting.xlsx", budgets.budget_xlsx, name="budget_xlsx"),
    path("<int:pk>/begroting-saldo.svg", budgets.budget_chart, name="budget_chart"),
    path("<int:pk>/beslisboom/<slug:slug>/", trees.tree_walk, name="tree_walk"),
    path("<int:pk>/initiatief.pdf", initiatives.initiative_pdf, name="pdf"),
]
