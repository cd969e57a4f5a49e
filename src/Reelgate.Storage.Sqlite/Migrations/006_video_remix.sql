-- The OpenAI video protocol: the job a remix was made from (POST /v1/videos/{video_id}/remix).
ALTER TABLE jobs ADD COLUMN remixed_from TEXT;
