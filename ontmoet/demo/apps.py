from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ontmoet.demo"
    verbose_name = "Demo"
