import { Modal } from '../../../components/Modal';
import { useSession } from '../../auth';
import { NotificationSetting } from '../../notifications';
import { PresenceToggle } from '../../presence';
import { AvatarPicker } from './AvatarPicker';
import { PasswordForm } from './PasswordForm';
import { ProfileDetailsForm } from './ProfileDetailsForm';

export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { user, setUser } = useSession();
  if (!user) return null;
  return (
    <Modal title="Your profile" onClose={onClose} testId="profile-dialog">
      <AvatarPicker user={user} />
      <ProfileDetailsForm user={user} />
      <NotificationSetting />
      <PresenceToggle user={user} onChanged={setUser} />
      <PasswordForm />
    </Modal>
  );
}
