const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export const formatCents = (cents: number) => money.format(cents / 100);
