// The Chinese webfont's 182 faces, as a chunk of its own: loaded by cjk-fonts.tsx after the first paint.
import './cjk-font.generated.css';

export const CJK_FACES = 'Warroom CJK';
