// One button that switches between 中文 and English.
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';

export function LocaleSwitch({ size = 'middle', ghost }: { size?: 'small' | 'middle' | 'large'; ghost?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      size={size}
      type={ghost ? 'text' : 'default'}
      icon={<GlobalOutlined />}
      aria-label={t('locale.label')}
      data-testid="locale-switch"
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
      style={ghost ? { color: 'inherit' } : undefined}
    >
      {t('locale.switch')}
    </Button>
  );
}
