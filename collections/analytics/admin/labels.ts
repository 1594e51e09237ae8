/** Dashboard and moderation labels (en/ar) and locale-aware formatting for the admin components. */
export type Lang = 'en' | 'ar'

const L = {
  dashboard: { en: 'Dashboard', ar: 'لوحة المعلومات' },
  period: { en: 'Period', ar: 'الفترة' },
  previous: { en: 'previous period', ar: 'الفترة السابقة' },
  loading: { en: 'Loading figures…', ar: 'جارٍ تحميل الأرقام…' },
  noAccess: { en: 'No figures for this account.', ar: 'لا توجد أرقام لهذا الحساب.' },
  newUsers: { en: 'New users', ar: 'مستخدمون جدد' },
  newListings: { en: 'New listings', ar: 'إعلانات جديدة' },
  orders: { en: 'Orders', ar: 'الطلبات' },
  revenue: { en: 'Revenue', ar: 'الإيرادات' },
  parkingBookings: { en: 'Parking bookings', ar: 'حجوزات المواقف' },
  serviceBookings: { en: 'Service bookings', ar: 'حجوزات الخدمات' },
  negotiations: { en: 'Offers', ar: 'العروض' },
  conversionPercent: { en: 'Conversion %', ar: 'نسبة التحويل %' },
  views: { en: 'Views', ar: 'المشاهدات' },
  favorites: { en: 'Favorites', ar: 'المفضلة' },
  offers: { en: 'Offers', ar: 'العروض' },
  sales: { en: 'Sales', ar: 'المبيعات' },
  bookings: { en: 'Bookings', ar: 'الحجوزات' },
  parking: { en: 'Parking', ar: 'المواقف' },
  services: { en: 'Services', ar: 'الخدمات' },
  overTime: { en: 'Over time', ar: 'عبر الزمن' },
  topMakes: { en: 'Top makes (active listings)', ar: 'أكثر الماركات (إعلانات نشطة)' },
  listingsByStatus: { en: 'Listings by status', ar: 'الإعلانات حسب الحالة' },
  topListings: { en: 'Your top listings', ar: 'أفضل إعلاناتك' },
  topSearches: { en: 'Top searches', ar: 'أكثر عمليات البحث' },
  moderation: { en: 'Moderation', ar: 'الإشراف' },
  approve: { en: 'Approve', ar: 'موافقة' },
  reject: { en: 'Reject', ar: 'رفض' },
  reason: { en: 'Reason (required to reject)', ar: 'السبب (مطلوب للرفض)' },
  empty: { en: 'Nothing waits here.', ar: 'لا شيء بانتظار القرار.' },
  approved: { en: 'Approved', ar: 'تمت الموافقة' },
  rejected: { en: 'Rejected', ar: 'تم الرفض' },
  author: { en: 'Author', ar: 'الكاتب' },
  submitted: { en: 'Submitted', ar: 'أُرسل' },
} as const

export type LabelKey = keyof typeof L
export const langOf = (code: string | undefined): Lang => (code === 'ar' ? 'ar' : 'en')
export const t = (key: string, lang: Lang): string => (L as Record<string, { en: string; ar: string }>)[key]?.[lang] ?? key

export const fmtNumber = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'ar' ? 'ar-EG' : 'en-US', { maximumFractionDigits: 2 }).format(n)
export const fmtDay = (isoDay: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`))
