from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 100
