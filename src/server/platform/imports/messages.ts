/**
 * The platform's wording of an uploaded sheet that cannot be read (type, encoding, damaged workbook), the same for
 * every import (companies, spaces). Spread into the core catalog (`platform/messages.ts`).
 */
export const importsEn = {
  'import.file_type': 'Send a CSV file (UTF-8) or an Excel workbook (XLSX).',
  'import.file_not_xlsx':
    'This file is named .{{extension}} but is not an Excel workbook: save it again from your spreadsheet as XLSX, or as CSV UTF-8.',
  'import.file_xls': 'Old Excel files (.xls) are not read: save the file as XLSX.',
  'import.file_encoding': 'This file is not UTF-8 text: in your spreadsheet, save it as "CSV UTF-8".',
  'import.file_unreadable': 'This workbook cannot be read (damaged or password-protected).',
  'import.file_too_large_unpacked': 'This workbook is too large once unpacked: split it into several files.',
};

export const importsFr: Record<keyof typeof importsEn, string> = {
  'import.file_type': 'Envoyez un fichier CSV (UTF-8) ou un classeur Excel (XLSX).',
  'import.file_not_xlsx':
    "Ce fichier porte l'extension .{{extension}} mais n'est pas un classeur Excel : enregistrez-le de nouveau depuis votre tableur en XLSX, ou en CSV UTF-8.",
  'import.file_xls': 'Les anciens fichiers Excel (.xls) ne sont pas lus : enregistrez le fichier en XLSX.',
  'import.file_encoding': "Ce fichier n'est pas un texte UTF-8 : dans votre tableur, enregistrez-le en « CSV UTF-8 ».",
  'import.file_unreadable': 'Ce classeur ne peut pas être lu (endommagé ou protégé par mot de passe).',
  'import.file_too_large_unpacked': 'Ce classeur est trop volumineux une fois décompressé : découpez-le en plusieurs fichiers.',
};

export const importsAr: Record<keyof typeof importsEn, string> = {
  'import.file_type': 'أرسل ملف CSV (UTF-8) أو مصنف Excel (XLSX).',
  'import.file_not_xlsx':
    'يحمل هذا الملف الامتداد ‎.{{extension}}‎ لكنه ليس مصنف Excel: احفظه من جديد في برنامج الجداول بصيغة XLSX أو CSV UTF-8.',
  'import.file_xls': 'لا تُقرأ ملفات Excel القديمة (‎.xls): احفظ الملف بصيغة XLSX.',
  'import.file_encoding': 'هذا الملف ليس نصا بترميز UTF-8: احفظه في برنامج الجداول بصيغة «CSV UTF-8».',
  'import.file_unreadable': 'تعذرت قراءة هذا المصنف (تالف أو محمي بكلمة مرور).',
  'import.file_too_large_unpacked': 'هذا المصنف كبير جدا بعد فك ضغطه: قسّمه إلى عدة ملفات.',
};
