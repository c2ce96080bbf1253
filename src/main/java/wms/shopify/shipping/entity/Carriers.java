package wms.shopify.shipping.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shopify's known tracking company names ("Supported tracking companies" in the description of
 * {@code FulfillmentTrackingInfo}, Admin API 2026-07 schema): Shopify builds tracking links and follows the shipment
 * status only for a company named exactly so ("capitalization matters"). A carrier the WMS names is matched ignoring
 * case, spaces and punctuation; a carrier that matches none is sent as the WMS named it, with the tracking URL.
 */
public final class Carriers {

    /** The names for shops in any country, then the country-specific ones, as the schema lists them. */
    static final List<String> KNOWN = List.of(
            "4PX",
            "AGS",
            "Amazon",
            "Amazon Logistics UK",
            "An Post",
            "Anjun Logistics",
            "APC",
            "Asendia USA",
            "Australia Post",
            "Bonshaw",
            "BPost",
            "BPost International",
            "Canada Post",
            "Canpar",
            "CDL Last Mile",
            "China Post",
            "Chronopost",
            "Chukou1",
            "Colissimo",
            "Comingle",
            "Coordinadora",
            "Correios",
            "Correos",
            "CTT",
            "CTT Express",
            "Cyprus Post",
            "Delnext",
            "Deutsche Post",
            "DHL eCommerce",
            "DHL eCommerce Asia",
            "DHL Express",
            "DPD",
            "DPD Local",
            "DPD UK",
            "DTD Express",
            "DX",
            "Eagle",
            "Estes",
            "Evri",
            "FedEx",
            "First Global Logistics",
            "First Line",
            "FSC",
            "Fulfilla",
            "GLS",
            "Guangdong Weisuyi Information Technology (WSE)",
            "Heppner Internationale Spedition GmbH & Co.",
            "Iceland Post",
            "IDEX",
            "Israel Post",
            "Japan Post (EN)",
            "Japan Post (JA)",
            "La Poste Colissimo",
            "La Poste Burkina Faso",
            "Lasership",
            "Latvia Post",
            "Lietuvos Paštas",
            "Logisters",
            "Lone Star Overnight",
            "M3 Logistics",
            "Meteor Space",
            "Mondial Relay",
            "New Zealand Post",
            "NinjaVan",
            "North Russia Supply Chain (Shenzhen) Co.",
            "OnTrac",
            "Packeta",
            "Pago Logistics",
            "Ping An Da Tengfei Express",
            "Pitney Bowes",
            "Portal PostNord",
            "Poste Italiane",
            "PostNL",
            "PostNord DK",
            "PostNord NO",
            "PostNord SE",
            "Purolator",
            "Qxpress",
            "Qyun Express",
            "Royal Mail",
            "Royal Shipments",
            "Sagawa (EN)",
            "Sagawa (JA)",
            "Sendle",
            "SF Express",
            "SFC Fulfillment",
            "ShipBob",
            "SHREE NANDAN COURIER",
            "Singapore Post",
            "Southwest Air Cargo",
            "StarTrack",
            "Step Forward Freight",
            "Swiss Post",
            "TForce Final Mile",
            "Tinghao",
            "TNT",
            "Toll IPEC",
            "United Delivery Service",
            "UPS",
            "USPS",
            "Venipak",
            "We Post",
            "Whistl",
            "Wizmo",
            "WMYC",
            "Xpedigo",
            "XPO Logistics",
            "Yamato (EN)",
            "Yamato (JA)",
            "YiFan Express",
            "YunExpress",
            // shown for shops in specific countries
            "Aramex Australia",
            "TNT Australia",
            "Hunter Express",
            "Couriers Please",
            "Bonds",
            "Allied Express",
            "Direct Couriers",
            "Northline",
            "Österreichische Post",
            "Speedy",
            "Intelcom",
            "BoxKnight",
            "Loomis",
            "WanbExpress",
            "Zásilkovna",
            "Deutsche Post (DE)",
            "Deutsche Post (EN)",
            "DHL",
            "Swiship",
            "Hermes",
            "SEUR",
            "Colis Privé",
            "Parcelforce",
            "Yodel",
            "DHL Parcel",
            "Tuffnells",
            "ACS Courier",
            "Fastway",
            "DPD Ireland",
            "DTDC",
            "India Post",
            "Delhivery",
            "Gati KWE",
            "Professional Couriers",
            "XpressBees",
            "Ecom Express",
            "Ekart",
            "Shadowfax",
            "Bluedart",
            "BRT",
            "GLS Italy");

    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String name : KNOWN) {
            BY_KEY.putIfAbsent(key(name), name);
        }
    }

    private Carriers() {}

    /** Shopify's own spelling of a carrier the WMS named, when Shopify knows it. */
    public static Optional<String> known(String carrier) {
        return carrier == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(carrier)));
    }

    /** What is sent as the tracking company: Shopify's name when it knows the carrier, else the WMS's, trimmed. */
    public static String trackingCompany(String carrier) {
        if (carrier == null || carrier.isBlank()) {
            return null;
        }
        return known(carrier).orElse(carrier.trim());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.,&()]", "");
    }
}
