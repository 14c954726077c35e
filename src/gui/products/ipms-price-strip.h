/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPMS_TYPE_PRICE_STRIP (ipms_price_strip_get_type ())

G_DECLARE_FINAL_TYPE (IpmsPriceStrip, ipms_price_strip, IPMS, PRICE_STRIP, GtkWidget)

/*
 * A product's price placed among its competitors' prices: a line from the
 * lowest to the highest price, a dot per competitor and the product's own
 * price marked in the accent colour. Drawn only; the editor says the same
 * in words beside it for screen readers.
 */
GtkWidget *ipms_price_strip_new        (void);
/* The competitors' `prices` (n of them); `price` < 0: the product has none. */
void       ipms_price_strip_set_prices (IpmsPriceStrip     *self,
                                        double              price,
                                        const double       *prices,
                                        guint               n);

G_END_DECLS
