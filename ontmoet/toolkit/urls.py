from django.urls import path

from . import views

app_name = "toolkit"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("nieuw/", views.initiative_create, name="create"),
    path("inspiratie/", views.inspiration, name="inspiration"),
    path("beslisbomen/", views.tree_list, name="trees"),
    path("beslisbomen/<slug:slug>/bewerken/", views.tree_edit, name="tree_edit"),
    path("uitnodiging/<str:token>/", views.accept_invitation, name="accept"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/bewerken/", views.initiative_edit, name="edit"),
    path("<int:pk>/partners/", views.partners, name="partners"),
    path("<int:pk>/partners/<int:partner_pk>/verwijderen/", views.partner_remove, name="partner_remove"),
    path("<int:pk>/quickscan/", views.quickscan, name="quickscan"),
    path("<int:pk>/quickscan/heropenen/", views.quickscan_reopen, name="quickscan_reopen"),
    path("<int:pk>/typologie/", views.typology, name="typology"),
    path("<int:pk>/sociaal-beheer/", views.social, name="social"),
    path("<int:pk>/fysiek-ontwerp/", views.design, name="design"),
    path("<int:pk>/begroting/", views.budget, name="budget"),
    path("<int:pk>/begroting.xlsx", views.budget_xlsx, name="budget_xlsx"),
    path("<int:pk>/begroting-saldo.svg", views.budget_chart, name="budget_chart"),
    path("<int:pk>/beslisboom/<slug:slug>/", views.tree_walk, name="tree_walk"),
    path("<int:pk>/initiatief.pdf", views.initiative_pdf, name="pdf"),
]
