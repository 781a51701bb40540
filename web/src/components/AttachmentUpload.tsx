// Photo/file upload: each file goes to POST /api/v1/attachments at once; the form gets the ids.
import { useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';

export interface AttachmentUploadProps {
  onChange?: (ids: string[]) => void;
  max?: number;
  /** Phone style: big photo tiles. */
  photo?: boolean;
  id?: string;
}

export function AttachmentUpload({ onChange, max = 9, photo, id }: AttachmentUploadProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const emit = (list: UploadFile[]) => onChange?.(list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as string));
  return (
    <Upload
      id={id}
      accept="image/*,application/pdf"
      multiple
      maxCount={max}
      listType={photo ? 'picture-card' : 'text'}
      fileList={files}
      customRequest={({ file, onSuccess, onError }) => {
        ticketsApi
          .upload(file as File)
          .then((res) => onSuccess?.(res))
          .catch((e: unknown) => {
            message.error(`${t('upload.failed', { name: (file as File).name })} ${errorText(e)}`);
            onError?.(e as Error);
          });
      }}
      onChange={({ fileList }) => {
        setFiles(fileList);
        emit(fileList);
      }}
    >
      {files.length >= max ? null : photo ? (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }} aria-label={t('upload.add')}>
          <CameraOutlined style={{ fontSize: 24 }} />
          <div style={{ marginTop: 4, fontSize: 12 }}>{t('upload.add')}</div>
        </button>
      ) : (
        <Button icon={<UploadOutlined />}>{t('upload.add')}</Button>
      )}
    </Upload>
  );
}
