-- AyurvedaCart schema for plain PostgreSQL 15.
--
-- Load into an empty database from the repository root:
--     psql -v ON_ERROR_STOP=1 -f data/schema.sql
--
-- Every table and column of the seed document keeps its name and type. Changes
-- needed to run it outside Supabase (see docs in README.md, "Schema"):
--   * uuid_generate_v4() -> gen_random_uuid() (built in, no extension needed);
--   * distribution_centers is created before orders, which references it;
--   * auth.uid() is provided by a small stand-in with Supabase's semantics;
--   * products gains average_rating/review_count, which the rating trigger writes;
--   * page_views is declared PARTITION BY RANGE (created_at) with a DEFAULT partition;
--   * roles are NOLOGIN and carry no secrets (grant them to login roles out of band).
-- Added for search: the ingredient knowledge base, search synonyms, query words, store
-- settings, product deletion tracking, incremental-read indexes, least-privilege
-- roles and a schema version. Reference data is loaded at the end.

SET client_min_messages = warning;

BEGIN;

-- ---------------------------------------------------------------------------
-- Schema version: later changes are migrations in data/migrations/, never rewrites.
CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);
INSERT INTO schema_migrations (version, description)
VALUES (1, 'seed schema on PostgreSQL 15, search tables, reference data');

-- ---------------------------------------------------------------------------
-- Supabase's auth.uid() stand-in: the JWT subject of the current request, set by
-- an API gateway with SET request.jwt.claim.sub (or request.jwt.claims JSON).
CREATE SCHEMA IF NOT EXISTS auth;
CREATE OR REPLACE FUNCTION auth.uid() RETURNS UUID
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        NULLIF(current_setting('request.jwt.claim.sub', true), ''),
        NULLIF(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
    )::uuid
$$;

-- users
CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email VARCHAR(255) UNIQUE NOT NULL,
    phone VARCHAR(20) UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    date_of_birth DATE,
    gender VARCHAR(10) CHECK (gender IN ('male', 'female', 'other')),
    profile_picture_url TEXT,
    email_verified BOOLEAN DEFAULT FALSE,
    phone_verified BOOLEAN DEFAULT FALSE,
    is_active BOOLEAN DEFAULT TRUE,
    last_login_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_users_email ON users(email);
CREATE INDEX idx_users_phone ON users(phone);
CREATE INDEX idx_users_created_at ON users(created_at);

-- user_profiles
CREATE TABLE user_profiles (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    preferred_language VARCHAR(10) DEFAULT 'en',
    timezone VARCHAR(50) DEFAULT 'Asia/Kolkata',
    communication_preferences JSONB DEFAULT '{}',
    health_profile JSONB DEFAULT '{}',
    marketing_consent BOOLEAN DEFAULT FALSE,
    newsletter_subscription BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_user_profiles_user_id ON user_profiles(user_id);

-- user_addresses
CREATE TABLE user_addresses (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    type VARCHAR(20) DEFAULT 'home' CHECK (type IN ('home', 'office', 'other')),
    first_name VARCHAR(100) NOT NULL,
    last_name VARCHAR(100) NOT NULL,
    phone VARCHAR(20),
    address_line_1 TEXT NOT NULL,
    address_line_2 TEXT,
    city VARCHAR(100) NOT NULL,
    state VARCHAR(100) NOT NULL,
    postal_code VARCHAR(20) NOT NULL,
    country VARCHAR(100) DEFAULT 'India',
    is_default BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_user_addresses_user_id ON user_addresses(user_id);
CREATE INDEX idx_user_addresses_default ON user_addresses(user_id, is_default) WHERE is_default = TRUE;

-- categories
CREATE TABLE categories (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) UNIQUE NOT NULL,
    description TEXT,
    parent_id UUID REFERENCES categories(id) ON DELETE SET NULL,
    image_url TEXT,
    meta_title VARCHAR(255),
    meta_description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_categories_slug ON categories(slug);
CREATE INDEX idx_categories_parent_id ON categories(parent_id);
CREATE INDEX idx_categories_active ON categories(is_active) WHERE is_active = TRUE;

-- brands
CREATE TABLE brands (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) UNIQUE NOT NULL,
    description TEXT,
    logo_url TEXT,
    website_url TEXT,
    established_year INTEGER,
    country VARCHAR(100),
    certifications JSONB DEFAULT '[]',
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_brands_slug ON brands(slug);
CREATE INDEX idx_brands_active ON brands(is_active) WHERE is_active = TRUE;

-- products
CREATE TABLE products (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    sku VARCHAR(100) UNIQUE NOT NULL,
    name VARCHAR(500) NOT NULL,
    slug VARCHAR(500) UNIQUE NOT NULL,
    short_description TEXT,
    description TEXT,
    brand_id UUID REFERENCES brands(id) ON DELETE SET NULL,
    type VARCHAR(50) NOT NULL, -- 'medicine', 'supplement', 'oil', etc.
    form VARCHAR(50), -- 'tablet', 'liquid', 'powder', etc.
    
    -- Pricing
    base_price DECIMAL(10,2) NOT NULL,
    selling_price DECIMAL(10,2) NOT NULL,
    discount_percentage DECIMAL(5,2) DEFAULT 0,
    tax_rate DECIMAL(5,2) DEFAULT 0,
    
    -- Physical attributes
    weight DECIMAL(8,3), -- in grams
    dimensions JSONB, -- {length, width, height}
    
    -- Inventory
    track_inventory BOOLEAN DEFAULT TRUE,
    stock_quantity INTEGER DEFAULT 0,
    low_stock_threshold INTEGER DEFAULT 10,
    
    -- Ayurvedic specific
    dosage_form VARCHAR(100),
    pack_size VARCHAR(100),
    ingredients JSONB DEFAULT '[]',
    indications JSONB DEFAULT '[]',
    contraindications JSONB DEFAULT '[]',
    dosage_instructions TEXT,
    
    -- SEO and metadata
    meta_title VARCHAR(255),
    meta_description TEXT,
    search_keywords TEXT,
    
    -- Status and visibility
    status VARCHAR(20) DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'inactive', 'discontinued')),
    is_featured BOOLEAN DEFAULT FALSE,
    is_prescription_required BOOLEAN DEFAULT FALSE,

    -- Ratings, maintained by update_product_rating() (the seed's trigger needs them)
    average_rating DECIMAL(3,2) DEFAULT 0,
    review_count INTEGER DEFAULT 0,
    
    -- Timestamps
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_products_sku ON products(sku);
CREATE INDEX idx_products_slug ON products(slug);
CREATE INDEX idx_products_brand_id ON products(brand_id);
CREATE INDEX idx_products_status ON products(status);
CREATE INDEX idx_products_featured ON products(is_featured) WHERE is_featured = TRUE;
CREATE INDEX idx_products_search ON products USING GIN (to_tsvector('english', name || ' ' || COALESCE(description, '')));

-- product_categories
CREATE TABLE product_categories (
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    category_id UUID REFERENCES categories(id) ON DELETE CASCADE,
    is_primary BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    PRIMARY KEY (product_id, category_id)
);

-- Indexes
CREATE INDEX idx_product_categories_product_id ON product_categories(product_id);
CREATE INDEX idx_product_categories_category_id ON product_categories(category_id);

-- product_images
CREATE TABLE product_images (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    image_url TEXT NOT NULL,
    alt_text VARCHAR(255),
    sort_order INTEGER DEFAULT 0,
    is_primary BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_product_images_product_id ON product_images(product_id);

-- product_variants
CREATE TABLE product_variants (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    sku VARCHAR(100) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    price DECIMAL(10,2) NOT NULL,
    compare_at_price DECIMAL(10,2),
    stock_quantity INTEGER DEFAULT 0,
    variant_options JSONB DEFAULT '{}', -- {size: '100ml', flavor: 'mint'}
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_product_variants_product_id ON product_variants(product_id);
CREATE INDEX idx_product_variants_sku ON product_variants(sku);

-- distribution_centers
CREATE TABLE distribution_centers (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    code VARCHAR(10) UNIQUE NOT NULL,
    
    -- Location
    address JSONB NOT NULL,
    city VARCHAR(100) NOT NULL,
    state_province VARCHAR(100),
    country VARCHAR(100) NOT NULL,
    postal_code VARCHAR(20),
    timezone VARCHAR(50) NOT NULL,
    
    -- Contact
    phone VARCHAR(20),
    email VARCHAR(255),
    manager_name VARCHAR(255),
    
    -- Operational details
    is_active BOOLEAN DEFAULT TRUE,
    operating_hours JSONB, -- {"monday": {"open": "09:00", "close": "18:00"}}
    shipping_methods JSONB, -- ["standard", "express", "overnight"]
    supported_currencies JSONB DEFAULT '["USD"]', -- ["USD", "EUR", "INR"]
    
    -- Capacity
    max_capacity INTEGER,
    current_utilization DECIMAL(5,2) DEFAULT 0.00,
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_distribution_centers_country ON distribution_centers(country);
CREATE INDEX idx_distribution_centers_active ON distribution_centers(is_active) WHERE is_active = TRUE;

-- orders
CREATE TABLE orders (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_number VARCHAR(50) UNIQUE NOT NULL,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    
    -- Order status
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')),
    payment_status VARCHAR(20) DEFAULT 'pending' CHECK (payment_status IN ('pending', 'paid', 'failed', 'refunded', 'partially_refunded')),
    
    -- Pricing
    subtotal DECIMAL(10,2) NOT NULL,
    tax_amount DECIMAL(10,2) DEFAULT 0,
    shipping_amount DECIMAL(10,2) DEFAULT 0,
    discount_amount DECIMAL(10,2) DEFAULT 0,
    total_amount DECIMAL(10,2) NOT NULL,
    
    -- Shipping address
    shipping_address JSONB NOT NULL,
    billing_address JSONB,
    
    -- International shipping
    currency VARCHAR(3) DEFAULT 'USD',
    exchange_rate DECIMAL(10,4) DEFAULT 1.0000,
    shipping_method VARCHAR(50),
    estimated_delivery DATE,
    distribution_center_id UUID REFERENCES distribution_centers(id),
    
    -- Additional info
    notes TEXT,
    customer_notes TEXT,
    
    -- Timestamps
    ordered_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    confirmed_at TIMESTAMP WITH TIME ZONE,
    shipped_at TIMESTAMP WITH TIME ZONE,
    delivered_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_orders_order_number ON orders(order_number);
CREATE INDEX idx_orders_user_id ON orders(user_id);
CREATE INDEX idx_orders_status ON orders(status);
CREATE INDEX idx_orders_created_at ON orders(created_at);

-- order_items
CREATE TABLE order_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id UUID REFERENCES orders(id) ON DELETE CASCADE,
    product_id UUID REFERENCES products(id) ON DELETE SET NULL,
    variant_id UUID REFERENCES product_variants(id) ON DELETE SET NULL,
    
    -- Product snapshot at time of order
    product_name VARCHAR(500) NOT NULL,
    product_sku VARCHAR(100) NOT NULL,
    unit_price DECIMAL(10,2) NOT NULL,
    quantity INTEGER NOT NULL,
    total_price DECIMAL(10,2) NOT NULL,
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_order_items_order_id ON order_items(order_id);
CREATE INDEX idx_order_items_product_id ON order_items(product_id);

-- cart_items
CREATE TABLE cart_items (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    variant_id UUID REFERENCES product_variants(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    UNIQUE(user_id, product_id, variant_id)
);

-- Indexes
CREATE INDEX idx_cart_items_user_id ON cart_items(user_id);
CREATE INDEX idx_cart_items_product_id ON cart_items(product_id);

-- product_reviews
CREATE TABLE product_reviews (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    order_item_id UUID REFERENCES order_items(id) ON DELETE SET NULL,
    
    rating INTEGER NOT NULL CHECK (rating >= 1 AND rating <= 5),
    title VARCHAR(255),
    review_text TEXT,
    
    -- Moderation
    is_verified BOOLEAN DEFAULT FALSE,
    is_approved BOOLEAN DEFAULT FALSE,
    moderated_at TIMESTAMP WITH TIME ZONE,
    moderated_by UUID REFERENCES users(id),
    
    -- Helpfulness
    helpful_count INTEGER DEFAULT 0,
    unhelpful_count INTEGER DEFAULT 0,
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_product_reviews_product_id ON product_reviews(product_id);
CREATE INDEX idx_product_reviews_user_id ON product_reviews(user_id);
CREATE INDEX idx_product_reviews_rating ON product_reviews(rating);
CREATE INDEX idx_product_reviews_approved ON product_reviews(is_approved) WHERE is_approved = TRUE;

-- distribution_center_inventory
CREATE TABLE distribution_center_inventory (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    distribution_center_id UUID REFERENCES distribution_centers(id) ON DELETE CASCADE,
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    variant_id UUID REFERENCES product_variants(id) ON DELETE CASCADE,
    
    stock_quantity INTEGER NOT NULL DEFAULT 0,
    reserved_quantity INTEGER DEFAULT 0,
    min_stock_level INTEGER DEFAULT 0,
    max_stock_level INTEGER,
    
    -- Pricing per distribution center
    local_price DECIMAL(10,2),
    local_currency VARCHAR(3) DEFAULT 'USD',
    
    last_updated TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    
    UNIQUE(distribution_center_id, product_id, variant_id)
);

-- Indexes
CREATE INDEX idx_dc_inventory_center_id ON distribution_center_inventory(distribution_center_id);
CREATE INDEX idx_dc_inventory_product_id ON distribution_center_inventory(product_id);
CREATE INDEX idx_dc_inventory_stock ON distribution_center_inventory(stock_quantity);

-- currencies
CREATE TABLE currencies (
    code VARCHAR(3) PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    symbol VARCHAR(10) NOT NULL,
    exchange_rate DECIMAL(10,4) NOT NULL DEFAULT 1.0000,
    is_active BOOLEAN DEFAULT TRUE,
    last_updated TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Insert default currencies
INSERT INTO currencies (code, name, symbol, exchange_rate) VALUES 
('USD', 'US Dollar', '$', 1.0000),
('EUR', 'Euro', '€', 0.8500),
('GBP', 'British Pound', '£', 0.7500),
('INR', 'Indian Rupee', '₹', 83.0000),
('AUD', 'Australian Dollar', 'A$', 1.5000),
('CAD', 'Canadian Dollar', 'C$', 1.3500);

-- shipping_zones
CREATE TABLE shipping_zones (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    countries JSONB NOT NULL, -- ["US", "CA", "MX"]
    
    -- Shipping configuration
    standard_delivery_days INTEGER DEFAULT 7,
    express_delivery_days INTEGER DEFAULT 3,
    overnight_available BOOLEAN DEFAULT FALSE,
    
    -- Pricing
    standard_rate DECIMAL(10,2) NOT NULL,
    express_rate DECIMAL(10,2),
    overnight_rate DECIMAL(10,2),
    free_shipping_threshold DECIMAL(10,2),
    
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_shipping_zones_active ON shipping_zones(is_active) WHERE is_active = TRUE;

-- vendors
CREATE TABLE vendors (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    business_name VARCHAR(255) NOT NULL,
    legal_name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) UNIQUE NOT NULL,
    
    -- Contact information
    email VARCHAR(255) UNIQUE NOT NULL,
    phone VARCHAR(20) NOT NULL,
    website_url TEXT,
    
    -- Business details
    business_type VARCHAR(50), -- 'manufacturer', 'distributor', 'retailer'
    registration_number VARCHAR(100),
    tax_id VARCHAR(100),
    established_year INTEGER,
    
    -- Global presence
    countries_served JSONB DEFAULT '[]', -- ["US", "CA", "IN"]
    preferred_currency VARCHAR(3) DEFAULT 'USD',
    
    -- Address
    business_address JSONB NOT NULL,
    
    -- Platform status
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'suspended', 'rejected')),
    verification_status VARCHAR(20) DEFAULT 'unverified',
    
    -- Commission and financial
    commission_rate DECIMAL(5,2) DEFAULT 15.00,
    payment_terms VARCHAR(50) DEFAULT 'net_30',
    
    -- Documents and certifications
    documents JSONB DEFAULT '[]',
    certifications JSONB DEFAULT '[]',
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_vendors_slug ON vendors(slug);
CREATE INDEX idx_vendors_email ON vendors(email);
CREATE INDEX idx_vendors_status ON vendors(status);

-- vendor_products
CREATE TABLE vendor_products (
    vendor_id UUID REFERENCES vendors(id) ON DELETE CASCADE,
    product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    vendor_sku VARCHAR(100),
    vendor_price DECIMAL(10,2),
    is_primary_vendor BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    PRIMARY KEY (vendor_id, product_id)
);

-- Indexes
CREATE INDEX idx_vendor_products_vendor_id ON vendor_products(vendor_id);
CREATE INDEX idx_vendor_products_product_id ON vendor_products(product_id);

-- doctors
CREATE TABLE doctors (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE CASCADE,
    
    -- Professional information
    license_number VARCHAR(100) UNIQUE NOT NULL,
    specialization VARCHAR(255) NOT NULL,
    qualification VARCHAR(500) NOT NULL,
    experience_years INTEGER NOT NULL,
    
    -- Profile
    bio TEXT,
    languages JSONB DEFAULT '["en"]',
    consultation_fee DECIMAL(8,2) NOT NULL,
    
    -- Availability
    availability JSONB DEFAULT '{}', -- Weekly schedule
    is_available BOOLEAN DEFAULT TRUE,
    
    -- Statistics
    total_consultations INTEGER DEFAULT 0,
    average_rating DECIMAL(3,2) DEFAULT 0,
    
    -- Verification
    verification_status VARCHAR(20) DEFAULT 'pending',
    verified_at TIMESTAMP WITH TIME ZONE,
    verified_by UUID REFERENCES users(id),
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_doctors_user_id ON doctors(user_id);
CREATE INDEX idx_doctors_license ON doctors(license_number);
CREATE INDEX idx_doctors_specialization ON doctors(specialization);

-- consultations
CREATE TABLE consultations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    patient_id UUID REFERENCES users(id) ON DELETE SET NULL,
    doctor_id UUID REFERENCES doctors(id) ON DELETE SET NULL,
    
    -- Scheduling
    scheduled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_minutes INTEGER DEFAULT 30,
    
    -- Status
    status VARCHAR(20) DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled', 'no_show')),
    
    -- Financial
    fee_amount DECIMAL(8,2) NOT NULL,
    payment_status VARCHAR(20) DEFAULT 'pending',
    
    -- Consultation details
    chief_complaint TEXT,
    symptoms JSONB DEFAULT '[]',
    diagnosis TEXT,
    prescription JSONB DEFAULT '[]',
    follow_up_date DATE,
    
    -- Communication
    meeting_url TEXT,
    meeting_id VARCHAR(100),
    notes TEXT,
    
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_consultations_patient_id ON consultations(patient_id);
CREATE INDEX idx_consultations_doctor_id ON consultations(doctor_id);
CREATE INDEX idx_consultations_scheduled_at ON consultations(scheduled_at);
CREATE INDEX idx_consultations_status ON consultations(status);

-- search_logs
CREATE TABLE search_logs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    query TEXT NOT NULL,
    results_count INTEGER,
    clicked_product_id UUID REFERENCES products(id) ON DELETE SET NULL,
    -- Not in the seed: the clicked hit's 1-based place in the result list,
    -- when the page sent it (migration 005).
    clicked_position INTEGER CHECK (clicked_position BETWEEN 1 AND 10000),
    session_id VARCHAR(100),
    ip_address INET,
    user_agent TEXT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_search_logs_query ON search_logs(query);
CREATE INDEX idx_search_logs_user_id ON search_logs(user_id);
CREATE INDEX idx_search_logs_created_at ON search_logs(created_at);

-- product_recommendations
CREATE TABLE product_recommendations (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    source_product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    recommended_product_id UUID REFERENCES products(id) ON DELETE CASCADE,
    recommendation_type VARCHAR(50), -- 'frequently_bought_together', 'similar', 'related'
    score DECIMAL(5,4) DEFAULT 0,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    UNIQUE(source_product_id, recommended_product_id, recommendation_type)
);

-- coupons
CREATE TABLE coupons (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    code VARCHAR(50) UNIQUE NOT NULL,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    
    -- Discount details
    discount_type VARCHAR(20) CHECK (discount_type IN ('percentage', 'fixed_amount')),
    discount_value DECIMAL(10,2) NOT NULL,
    minimum_order_value DECIMAL(10,2) DEFAULT 0,
    maximum_discount_amount DECIMAL(10,2),
    
    -- Usage limits
    usage_limit INTEGER,
    usage_count INTEGER DEFAULT 0,
    usage_limit_per_customer INTEGER DEFAULT 1,
    
    -- Validity
    valid_from TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    valid_until TIMESTAMP WITH TIME ZONE,
    
    -- Conditions
    applicable_categories JSONB DEFAULT '[]',
    applicable_products JSONB DEFAULT '[]',
    
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_coupons_code ON coupons(code);
CREATE INDEX idx_coupons_valid_period ON coupons(valid_from, valid_until);

-- coupon_usage
CREATE TABLE coupon_usage (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    coupon_id UUID REFERENCES coupons(id) ON DELETE CASCADE,
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    order_id UUID REFERENCES orders(id) ON DELETE SET NULL,
    discount_amount DECIMAL(10,2) NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Indexes
CREATE INDEX idx_coupon_usage_coupon_id ON coupon_usage(coupon_id);
CREATE INDEX idx_coupon_usage_user_id ON coupon_usage(user_id);

-- page_views: partitioned by month (the seed's partitions need PARTITION BY RANGE)
CREATE TABLE page_views (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    user_id UUID REFERENCES users(id) ON DELETE SET NULL,
    session_id VARCHAR(100),
    page_url TEXT NOT NULL,
    page_title VARCHAR(255),
    referrer_url TEXT,
    ip_address INET,
    user_agent TEXT,
    device_type VARCHAR(20),
    browser VARCHAR(50),
    os VARCHAR(50),
    country VARCHAR(100),
    city VARCHAR(100),
    duration_seconds INTEGER,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

-- Indexes
CREATE INDEX idx_page_views_user_id ON page_views(user_id);
CREATE INDEX idx_page_views_created_at ON page_views(created_at);
CREATE INDEX idx_page_views_page_url ON page_views(page_url);

CREATE TABLE page_views_y2024m01 PARTITION OF page_views
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE page_views_y2024m02 PARTITION OF page_views
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE page_views_default PARTITION OF page_views DEFAULT;

-- ---------------------------------------------------------------------------
-- Search additions

-- The Ayurvedic ingredient knowledge base: every name of each herb and mineral.
-- Products name ingredients in their JSONB `ingredients`; the indexer matches
-- those names here and indexes the product under all of them.
CREATE TABLE ingredients (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    canonical_name VARCHAR(200) UNIQUE NOT NULL,
    sanskrit_name VARCHAR(200),
    hindi_name VARCHAR(200),
    english_name VARCHAR(200),
    botanical_name VARCHAR(200),
    other_names TEXT[] NOT NULL DEFAULT '{}',
    kind VARCHAR(20) NOT NULL DEFAULT 'herb'
        CHECK (kind IN ('herb', 'mineral', 'resin', 'animal', 'oil', 'other')),
    uses TEXT[] NOT NULL DEFAULT '{}',
    description TEXT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Shopper vocabulary: each group's terms are interchangeable in search.
CREATE TABLE search_synonyms (
    id SERIAL PRIMARY KEY,
    canonical VARCHAR(200) UNIQUE NOT NULL,
    synonyms TEXT[] NOT NULL,
    kind VARCHAR(20) NOT NULL DEFAULT 'indication'
        CHECK (kind IN ('indication', 'form', 'general'))
);

-- Query words with a role in search: 'noise' words are dropped from longer
-- queries, 'grade' words ("maha", "laghu") are the first given up when a query
-- finds nothing with every word, 'function' words (Hinglish "ke liye", "ki
-- dawai") are always dropped, 'generic' words ("oil", "capsules") alone are no
-- answer to a query that found nothing. One lowercase word per row.
CREATE TABLE search_query_words (
    word VARCHAR(100) PRIMARY KEY CHECK (word = lower(word) AND word ~ '^[a-z0-9]+$'),
    role VARCHAR(20) NOT NULL CHECK (role IN ('noise', 'grade', 'function', 'generic'))
);

-- Store-wide settings the search server needs (e.g. the currency prices are in).
CREATE TABLE store_settings (
    key VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);

-- Deleted products, so incremental reindexing can remove them.
CREATE TABLE product_deletions (
    product_id UUID PRIMARY KEY,
    sku VARCHAR(100),
    slug VARCHAR(500),
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

-- ---------------------------------------------------------------------------
-- Functions and triggers (the seed's, applied to every table with updated_at)
-- Function to update updated_at timestamp
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$ language 'plpgsql';

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'user_profiles', 'user_addresses', 'categories', 'brands',
        'products', 'product_variants', 'orders', 'cart_items', 'product_reviews',
        'distribution_centers', 'shipping_zones', 'vendors', 'doctors', 'consultations',
        'coupons', 'ingredients', 'store_settings']
    LOOP
        EXECUTE format('CREATE TRIGGER update_%s_updated_at BEFORE UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()', t, t);
    END LOOP;
END $$;

-- Inventory rows carry last_updated rather than updated_at.
CREATE OR REPLACE FUNCTION update_last_updated_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.last_updated = NOW();
    RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TRIGGER update_dc_inventory_last_updated BEFORE UPDATE ON distribution_center_inventory
    FOR EACH ROW EXECUTE FUNCTION update_last_updated_column();

CREATE OR REPLACE FUNCTION record_product_deletion()
RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO product_deletions (product_id, sku, slug, deleted_at)
    VALUES (OLD.id, OLD.sku, OLD.slug, NOW())
    ON CONFLICT (product_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at;
    RETURN OLD;
END;
$$ language 'plpgsql';

CREATE TRIGGER record_product_deletion_trigger AFTER DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION record_product_deletion();

-- Function to update product average rating
CREATE OR REPLACE FUNCTION update_product_rating()
RETURNS TRIGGER AS $$
BEGIN
    UPDATE products
    SET average_rating = (
        SELECT AVG(rating)::DECIMAL(3,2)
        FROM product_reviews
        WHERE product_id = COALESCE(NEW.product_id, OLD.product_id)
        AND is_approved = TRUE
    ),
    review_count = (
        SELECT COUNT(*)
        FROM product_reviews
        WHERE product_id = COALESCE(NEW.product_id, OLD.product_id)
        AND is_approved = TRUE
    )
    WHERE id = COALESCE(NEW.product_id, OLD.product_id);
    
    RETURN COALESCE(NEW, OLD);
END;
$$ language 'plpgsql';

CREATE TRIGGER update_product_rating_trigger
    AFTER INSERT OR UPDATE OR DELETE ON product_reviews
    FOR EACH ROW EXECUTE FUNCTION update_product_rating();

-- Function to update product stock
CREATE OR REPLACE FUNCTION update_product_stock()
RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- Decrease stock when order is placed
        UPDATE products
        SET stock_quantity = stock_quantity - NEW.quantity
        WHERE id = NEW.product_id;
    ELSIF TG_OP = 'DELETE' THEN
        -- Increase stock when order is cancelled
        UPDATE products
        SET stock_quantity = stock_quantity + OLD.quantity
        WHERE id = OLD.product_id;
    END IF;
    
    RETURN COALESCE(NEW, OLD);
END;
$$ language 'plpgsql';

CREATE TRIGGER update_stock_trigger
    AFTER INSERT OR DELETE ON order_items
    FOR EACH ROW EXECUTE FUNCTION update_product_stock();

-- ---------------------------------------------------------------------------
-- Row Level Security (the seed's policies)
-- Enable RLS on sensitive tables
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_addresses ENABLE ROW LEVEL SECURITY;

-- Users can only access their own data
CREATE POLICY user_own_data ON users
    FOR ALL USING (id = auth.uid());

CREATE POLICY user_profile_own_data ON user_profiles
    FOR ALL USING (user_id = auth.uid());

CREATE POLICY user_address_own_data ON user_addresses
    FOR ALL USING (user_id = auth.uid());

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;

-- Users can only access their own orders
CREATE POLICY user_own_orders ON orders
    FOR ALL USING (user_id = auth.uid());

CREATE POLICY user_own_order_items ON order_items
    FOR SELECT USING (
        order_id IN (
            SELECT id FROM orders WHERE user_id = auth.uid()
        )
    );

-- ---------------------------------------------------------------------------
-- Performance indexes (the seed's)
-- Composite indexes for common queries
CREATE INDEX idx_products_brand_status ON products(brand_id, status) WHERE status = 'active';
CREATE INDEX idx_orders_user_status ON orders(user_id, status);
CREATE INDEX idx_product_reviews_product_approved ON product_reviews(product_id, is_approved) WHERE is_approved = TRUE;

-- Full-text search indexes
CREATE INDEX idx_products_search_vector ON products USING GIN (
    to_tsvector('english', name || ' ' || COALESCE(description, '') || ' ' || COALESCE(search_keywords, ''))
);

-- Indexes for the indexer's incremental reads and aggregations.
CREATE INDEX idx_products_updated_at ON products(updated_at);
CREATE INDEX idx_product_variants_updated_at ON product_variants(updated_at);
CREATE INDEX idx_dc_inventory_last_updated ON distribution_center_inventory(last_updated);
CREATE INDEX idx_product_reviews_updated_at ON product_reviews(updated_at);
CREATE INDEX idx_brands_updated_at ON brands(updated_at);
CREATE INDEX idx_categories_updated_at ON categories(updated_at);
CREATE INDEX idx_orders_ordered_at ON orders(ordered_at);
CREATE INDEX idx_product_deletions_deleted_at ON product_deletions(deleted_at);
CREATE INDEX idx_product_recommendations_source ON product_recommendations(source_product_id, recommendation_type);

-- ---------------------------------------------------------------------------
-- Least-privilege roles (NOLOGIN, no secrets: grant them to login roles, e.g.
--   CREATE ROLE indexer LOGIN IN ROLE ayurvedacart_indexer;  -- password set out of band)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ayurvedacart_indexer') THEN
        CREATE ROLE ayurvedacart_indexer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ayurvedacart_server') THEN
        CREATE ROLE ayurvedacart_server NOLOGIN;
    END IF;
END $$;

-- Their column-level grants: what each statement of the indexer and the
-- server reads and writes, nothing more (data/grants.sql). Row security lets
-- the indexer read every order and user row, and the server check user ids.
\ir grants.sql
CREATE POLICY indexer_reads_orders ON orders FOR SELECT TO ayurvedacart_indexer USING (true);
CREATE POLICY indexer_reads_order_items ON order_items FOR SELECT TO ayurvedacart_indexer USING (true);
CREATE POLICY indexer_reads_users ON users FOR SELECT TO ayurvedacart_indexer USING (true);
CREATE POLICY server_checks_user_ids ON users FOR SELECT TO ayurvedacart_server USING (true);

-- ---------------------------------------------------------------------------
-- Reference data: the seed's currencies (inserted with its table above), the
-- store's price currency, the ingredient knowledge base, shopper synonyms and
-- query words.
INSERT INTO store_settings (key, value) VALUES ('base_currency', 'INR');

\ir reference/ingredients.sql
\ir reference/search_synonyms.sql
\ir reference/search_query_words.sql

COMMIT;
